/*
 * mustache.c: the Mustache engine.  Owns the parsed template trees (in
 * the caller's arena) and, while rendering, a context stack of borrowed
 * values.
 *
 * Parsing runs in passes over a flat token list, because whether a tag
 * is standalone depends on its neighbours and, for parents and blocks,
 * on its partner tag:
 *   1. tokenize: text split after each newline, a LINE token at the start
 *      of every line (where indentation goes), tags (set delimiters are
 *      applied here);
 *   2. match opening and closing tags, check nesting;
 *   3. decide which tags are standalone;
 *   4. work out block indentation: a block's own indentation is removed
 *      where it is written and the indentation of the place it is
 *      expanded is added instead (the spec's "block reindentation");
 *   5. remove standalone lines, keeping their indentation for partials;
 *   6. build the tree.
 *
 * Indentation of standalone partials, parents and blocks is applied at
 * render time: every LINE node writes the current indentation, which is
 * the same as indenting every line of the included template's source.
 */
#include "render/mustache.h"
#include "util/escape.h"
#include "util/limits.h"

/* ---- tokens --------------------------------------------------------- */

enum tok_kind { T_TEXT, T_LINE, T_TAG };

enum tag_kind {
	K_VAR,       /* {{x}} */
	K_RAW,       /* {{{x}}} and {{&x}} */
	K_SECTION,   /* {{#x}} */
	K_INVERTED,  /* {{^x}} */
	K_CLOSE,     /* {{/x}} */
	K_COMMENT,   /* {{! x }} */
	K_DELIM,     /* {{=<% %>=}} */
	K_PARTIAL,   /* {{>x}} */
	K_PARENT,    /* {{<x}} */
	K_BLOCK,     /* {{$x}} */
};

struct tok {
	enum tok_kind kind;
	enum tag_kind tag;
	size_t start, end;        /* T_TEXT: the text; T_TAG: the whole tag */
	const char *name;         /* T_TAG: trimmed content, into src */
	size_t name_len;
	int line, col;
	size_t match;             /* opening and closing tags: the partner */
	bool in_parent;           /* K_BLOCK (and its close): directly in a parent */
	bool lclear, rclear;      /* only whitespace to the line's start, end */
	bool standalone;
	bool removed;             /* T_TEXT, T_LINE: dropped with a standalone line */
	size_t strip;             /* T_TEXT: leading bytes dropped (block indentation) */
	const char *indent;       /* K_PARTIAL, K_PARENT, K_BLOCK */
	size_t indent_len;
	bool indented;            /* ... expanded with indentation (else none) */
	bool at_line_start;       /* K_BLOCK: expanded at the start of a line */
};

struct parser {
	struct arena *a;
	const char *file;         /* arena */
	const char *src;
	size_t len;
	struct diags *d;
	struct tok *v;
	size_t n, cap;
};

/* ---- the tree ------------------------------------------------------- */

enum node_kind {
	N_TEXT, N_LINE, N_VAR, N_SECTION, N_INVERTED, N_PARTIAL, N_PARENT, N_BLOCK
};

struct node {
	enum node_kind kind;
	int line, col;
	const char *file;          /* the template the node was written in */
	const char *str;           /* N_TEXT: text; others: the name (NUL-ended) */
	size_t len;
	const char **path;         /* N_VAR, sections: the dotted name's parts */
	size_t npath;
	bool from_top;             /* "." or ".x": only the top of the stack */
	bool escape;               /* N_VAR */
	struct node *kids;         /* sections, blocks: content; N_PARENT: blocks */
	size_t nkids;
	const char *indent;        /* N_PARTIAL, N_PARENT, N_BLOCK */
	size_t indent_len;
	bool indented;
	bool at_line_start;        /* N_BLOCK */
};

struct tmpl {
	const char *file;
	struct node *nodes;
	size_t n;
};

const char *tmpl_file(const struct tmpl *t)
{
	return t->file;
}

/* ---- helpers -------------------------------------------------------- */

static bool is_ws(char c)
{
	return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\v' || c == '\f';
}

static bool is_blank(char c)
{
	return c == ' ' || c == '\t';
}

static const char *find(const char *hay, size_t hay_len, const char *needle, size_t n)
{
	if (n == 0 || hay_len < n)
		return NULL;
	for (size_t i = 0; i + n <= hay_len; i++)
		if (hay[i] == needle[0] && !memcmp(hay + i, needle, n))
			return hay + i;
	return NULL;
}

/* How many leading bytes of s[0..n) equal prefix[0..plen). */
static size_t common_prefix(const char *s, size_t n, const char *prefix, size_t plen)
{
	size_t i = 0;
	while (i < n && i < plen && s[i] == prefix[i])
		i++;
	return i;
}

static struct tok *push_tok(struct parser *p, enum tok_kind kind, size_t start, size_t end,
			    int line, int col)
{
	struct tok *t;
	if (p->n == p->cap) {
		p->cap = p->cap ? p->cap * 2 : 64;
		p->v = xrealloc(p->v, p->cap * sizeof(*p->v));
	}
	t = &p->v[p->n++];
	memset(t, 0, sizeof(*t));
	t->kind = kind;
	t->start = start;
	t->end = end;
	t->line = line;
	t->col = col;
	return t;
}

/* ---- pass 1: tokenize ----------------------------------------------- */

/* Names shown in messages are cut short so a runaway tag stays readable. */
#define SHOW(s, n) (int)((n) > 60 ? 60 : (n)), (s)

static bool has_space_or_nul(const char *s, size_t n)
{
	for (size_t i = 0; i < n; i++)
		if (is_ws(s[i]) || s[i] == '\0')
			return true;
	return false;
}

/* Checks a tag's name; reports and returns false when it cannot be used. */
static bool check_name(struct parser *p, const struct tok *t)
{
	const char *s = t->name;
	size_t n = t->name_len;

	if (t->tag == K_COMMENT || t->tag == K_DELIM)
		return true;
	if (n == 0) {
		diag_error(p->d, p->file, t->line, t->col, "tag '%.*s' has no name",
		           SHOW(p->src + t->start, t->end - t->start));
		return false;
	}
	if (has_space_or_nul(s, n)) {
		diag_error(p->d, p->file, t->line, t->col,
		           "tag name '%.*s' must not contain spaces", SHOW(s, n));
		return false;
	}
	if (t->tag == K_PARTIAL || t->tag == K_PARENT) {
		if (s[0] == '*') {
			diag_error(p->d, p->file, t->line, t->col,
			           "dynamic name '%.*s' is not supported: name the template",
			           SHOW(s, n));
			return false;
		}
		if (s[0] == '/' || memchr(s, '\\', n)) {
			diag_error(p->d, p->file, t->line, t->col,
			           "template name '%.*s' must be relative, with '/' between folders",
			           SHOW(s, n));
			return false;
		}
		for (size_t i = 0; i <= n;) {
			const char *slash = memchr(s + i, '/', n - i);
			size_t seg = slash ? (size_t)(slash - (s + i)) : n - i;
			if (seg == 0 || (seg == 1 && s[i] == '.') ||
			    (seg == 2 && s[i] == '.' && s[i + 1] == '.')) {
				diag_error(p->d, p->file, t->line, t->col,
				           "template name '%.*s' must not have empty, '.' or '..' parts",
				           SHOW(s, n));
				return false;
			}
			i += seg + 1;
		}
		return true;
	}
	if (t->tag == K_BLOCK || t->tag == K_CLOSE)
		return true;
	/* variables and sections: ".", or parts between dots, one leading dot allowed */
	if (n == 1 && s[0] == '.')
		return true;
	for (size_t i = (s[0] == '.'); i <= n;) {
		const char *dot = memchr(s + i, '.', n - i);
		size_t seg = dot ? (size_t)(dot - (s + i)) : n - i;
		if (seg == 0) {
			diag_error(p->d, p->file, t->line, t->col, "name '%.*s' has an empty part between dots",
			           SHOW(s, n));
			return false;
		}
		i += seg + 1;
	}
	return true;
}

static void trim(const char **s, size_t *n)
{
	while (*n && is_ws(**s)) {
		(*s)++;
		(*n)--;
	}
	while (*n && is_ws((*s)[*n - 1]))
		(*n)--;
}

/*
 * Splits the source into tokens.  Returns false when the rest of the
 * template cannot be read (an unclosed tag); errors that leave the
 * structure intact are reported and tokenizing goes on.
 */
static bool tokenize(struct parser *p)
{
	const char *src = p->src;
	size_t len = p->len, pos = 0, line_start = 0;
	const char *otag = "{{", *ctag = "}}";
	size_t olen = 2, clen = 2;
	int line = 1;

	if (len > 0)
		push_tok(p, T_LINE, 0, 0, 1, 1);
	while (pos < len) {
		const char *o = find(src + pos, len - pos, otag, olen);
		size_t t = o ? (size_t)(o - src) : len;
		size_t c, end, i;
		const char *content, *e;
		size_t content_len;
		struct tok *tk;
		enum tag_kind kind;
		char sigil, closer;
		int tline, tcol;

		/* text up to the tag, cut after every newline */
		while (pos < t) {
			const char *nl = memchr(src + pos, '\n', t - pos);
			size_t stop = nl ? (size_t)(nl - src) + 1 : t;
			push_tok(p, T_TEXT, pos, stop, line, (int)(pos - line_start) + 1);
			pos = stop;
			if (nl) {
				line++;
				line_start = pos;
				if (pos < len)
					push_tok(p, T_LINE, pos, pos, line, 1);
			}
		}
		if (t == len)
			break;

		tline = line;
		tcol = (int)(t - line_start) + 1;
		c = t + olen;
		/* {{{name}}} ends with '}' and {{=<% %>=}} with '=' before the
		 * closing delimiter */
		sigil = c < len && (src[c] == '{' || src[c] == '=') ? src[c] : 0;
		closer = sigil == '{' ? '}' : sigil;
		e = NULL;
		for (i = c + (sigil != 0); i + (sigil != 0) + clen <= len; i++)
			if ((!sigil || src[i] == closer) &&
			    !memcmp(src + i + (sigil != 0), ctag, clen)) {
				e = src + i;
				break;
			}
		if (!e)
			goto unclosed;
		content = src + c + (sigil != 0);
		content_len = (size_t)(e - content);
		end = (size_t)(e - src) + (sigil != 0) + clen;
		if (sigil == '{') {
			kind = K_RAW;
		} else if (sigil == '=') {
			kind = K_DELIM;
		} else {
			trim(&content, &content_len);
			kind = K_VAR;
			if (content_len) {
				switch (content[0]) {
				case '#': kind = K_SECTION; break;
				case '^': kind = K_INVERTED; break;
				case '/': kind = K_CLOSE; break;
				case '!': kind = K_COMMENT; break;
				case '>': kind = K_PARTIAL; break;
				case '<': kind = K_PARENT; break;
				case '$': kind = K_BLOCK; break;
				case '&': kind = K_RAW; break;
				default: break;
				}
				if (kind != K_VAR) {
					content++;
					content_len--;
				}
			}
		}
		trim(&content, &content_len);

		tk = push_tok(p, T_TAG, t, end, tline, tcol);
		tk->tag = kind;
		tk->name = content;
		tk->name_len = content_len;
		check_name(p, tk);

		if (kind == K_DELIM) {
			/* two delimiters separated by whitespace, neither holding '=' */
			const char *s = content, *lim = content + content_len;
			const char *a = s, *a_end, *b, *b_end;
			while (a < lim && !is_ws(*a))
				a++;
			a_end = a;
			b = a_end;
			while (b < lim && is_ws(*b))
				b++;
			b_end = b;
			while (b_end < lim && !is_ws(*b_end))
				b_end++;
			if (a_end == s || b == b_end || b_end != lim ||
			    memchr(s, '=', (size_t)(a_end - s)) || memchr(b, '=', (size_t)(b_end - b))) {
				diag_error(p->d, p->file, tline, tcol,
				           "bad set-delimiter tag '%.*s': expected two delimiters "
				           "separated by a space, as in '{{=<%% %%>=}}'",
				           SHOW(src + t, end - t));
			} else if (a_end - s > LIMIT_TMPL_DELIM || b_end - b > LIMIT_TMPL_DELIM) {
				/* finding a tag takes time in proportion to its
				 * delimiter's length at every byte */
				diag_error(p->d, p->file, tline, tcol,
				           "set-delimiter tag '%.*s': a delimiter may be at most %d bytes long",
				           SHOW(src + t, end - t), LIMIT_TMPL_DELIM);
			} else {
				otag = s;
				olen = (size_t)(a_end - s);
				ctag = b;
				clen = (size_t)(b_end - b);
			}
		}
		for (i = t; i < end; i++)
			if (src[i] == '\n') {
				line++;
				line_start = i + 1;
			}
		pos = end;
		continue;
unclosed:
		diag_error(p->d, p->file, tline, tcol, "unclosed tag: '%.*s%s' without a closing '%s%.*s'",
		           (int)olen, otag, sigil == '{' ? "{" : "", sigil == '{' ? "}" : "",
		           (int)clen, ctag);
		return false;
	}
	return true;
}

/* ---- pass 2: structure ---------------------------------------------- */

static bool is_open(const struct tok *t)
{
	return t->kind == T_TAG && (t->tag == K_SECTION || t->tag == K_INVERTED ||
				    t->tag == K_PARENT || t->tag == K_BLOCK);
}

static const char *open_what(enum tag_kind k)
{
	switch (k) {
	case K_SECTION: return "section";
	case K_INVERTED: return "inverted section";
	case K_PARENT: return "parent";
	case K_BLOCK: return "block";
	default: return "tag";
	}
}

static void report_unclosed(struct parser *p, const struct tok *o)
{
	diag_error(p->d, p->file, o->line, o->col, "unclosed %s '%.*s'", open_what(o->tag),
	           SHOW(o->name, o->name_len));
}

/* Matches opening and closing tags.  Returns false when nesting is too
 * deep (one diagnostic, and parsing stops there).  When the tokens stop
 * short (an unclosed tag), sections still open at the end are not
 * reported: their closing tags may be in the part not read. */
static bool match_tags(struct parser *p, bool whole)
{
	size_t stack[LIMIT_TMPL_NESTING];
	size_t depth = 0;

	for (size_t i = 0; i < p->n; i++) {
		struct tok *t = &p->v[i];
		if (t->kind != T_TAG)
			continue;
		t->match = SIZE_MAX;
		if (is_open(t)) {
			if (depth == LIMIT_TMPL_NESTING) {
				diag_error(p->d, p->file, t->line, t->col, "sections nested more than %d deep",
				           LIMIT_TMPL_NESTING);
				return false;
			}
			if (t->tag == K_BLOCK && depth > 0 && p->v[stack[depth - 1]].tag == K_PARENT)
				t->in_parent = true;
			stack[depth++] = i;
		} else if (t->tag == K_CLOSE) {
			size_t k = depth;
			while (k > 0) {
				const struct tok *o = &p->v[stack[k - 1]];
				if (o->name_len == t->name_len && !memcmp(o->name, t->name, t->name_len))
					break;
				k--;
			}
			if (depth == 0) {
				diag_error(p->d, p->file, t->line, t->col, "closing tag '%.*s' has no open section",
				           SHOW(t->name, t->name_len));
				continue;
			}
			if (k == 0) {
				/* a misspelt name: take it as closing the innermost */
				const struct tok *o = &p->v[stack[depth - 1]];
				diag_error(p->d, p->file, t->line, t->col,
				           "closing tag '%.*s' does not match the open %s '%.*s' (line %d)",
				           SHOW(t->name, t->name_len), open_what(o->tag),
				           SHOW(o->name, o->name_len), o->line);
				k = depth;
			} else {
				/* closes an outer one: the inner ones were left open */
				for (size_t j = depth; j > k; j--)
					report_unclosed(p, &p->v[stack[j - 1]]);
			}
			depth = k - 1;
			t->match = stack[depth];
			t->in_parent = p->v[stack[depth]].in_parent;
			p->v[stack[depth]].match = i;
		}
	}
	while (whole && depth > 0)
		report_unclosed(p, &p->v[stack[--depth]]);
	return true;
}

/* ---- pass 3: standalone tags ---------------------------------------- */

static bool text_blank(const char *s, size_t n)
{
	for (size_t i = 0; i < n; i++)
		if (!is_blank(s[i]))
			return false;
	return true;
}

static bool left_clear(const struct parser *p, size_t i)
{
	const struct tok *t;
	if (i == 0)
		return true;
	t = &p->v[i - 1];
	if (t->kind == T_TEXT) {
		if (!text_blank(p->src + t->start, t->end - t->start))
			return false;
		if (i == 1)
			return true;
		t = &p->v[i - 2];
	}
	return t->kind == T_LINE;
}

static bool right_clear(const struct parser *p, size_t i)
{
	const struct tok *t;
	size_t n;
	const char *s;

	if (i + 1 == p->n)
		return true;
	t = &p->v[i + 1];
	if (t->kind != T_TEXT)
		return false;
	s = p->src + t->start;
	n = t->end - t->start;
	if (n && s[n - 1] == '\n') {
		n--;
		if (n && s[n - 1] == '\r')
			n--;
		return text_blank(s, n);
	}
	return i + 2 == p->n && text_blank(s, n);
}

static void mark_standalone(struct parser *p)
{
	for (size_t i = 0; i < p->n; i++) {
		struct tok *t = &p->v[i];
		if (t->kind != T_TAG)
			continue;
		t->lclear = left_clear(p, i);
		t->rclear = right_clear(p, i);
	}
	for (size_t i = 0; i < p->n; i++) {
		struct tok *t = &p->v[i];
		const struct tok *partner;
		if (t->kind != T_TAG || t->tag == K_VAR || t->tag == K_RAW)
			continue;
		partner = t->match != SIZE_MAX ? &p->v[t->match] : NULL;
		if (t->tag == K_PARENT) {
			/* a parent and its closing tag are standalone as a pair */
			t->standalone = t->lclear && partner && partner->rclear;
		} else if (t->tag == K_CLOSE && partner && partner->tag == K_PARENT) {
			t->standalone = t->rclear && partner->lclear;
		} else if (t->in_parent) {
			/* the parent's body around a block is ignored: only the
			 * side facing the block's content counts */
			t->standalone = t->tag == K_BLOCK ? t->rclear : t->lclear;
		} else {
			t->standalone = t->lclear && t->rclear;
		}
	}
}

/* ---- pass 4: block indentation -------------------------------------- */

/*
 * A block written with its opening tag standalone has the indentation of
 * its first line ("intrinsic"); one whose opening and closing tags are
 * alone on their line, together, has the indentation before the opening
 * tag.  That indentation is removed from each line of the content here
 * and the indentation of the place the block is expanded is added when
 * rendering.  Nested blocks are measured relative to the block around
 * them.
 */
static void indent_blocks(struct parser *p)
{
	struct { const char *s; size_t n; } strip[LIMIT_TMPL_NESTING + 1];
	size_t depth = 0;

	strip[0].s = "";
	strip[0].n = 0;
	for (size_t i = 0; i < p->n; i++) {
		struct tok *t = &p->v[i];
		const char *cur = strip[depth].s;
		size_t cur_n = strip[depth].n;

		if (t->kind == T_LINE) {
			struct tok *next = i + 1 < p->n ? &p->v[i + 1] : NULL;
			if (next && next->kind == T_TEXT && next->start == t->start)
				next->strip = common_prefix(p->src + next->start,
							    next->end - next->start, cur, cur_n);
			continue;
		}
		if (t->kind != T_TAG)
			continue;
		if (is_open(t)) {
			const char *ws = NULL;
			size_t ws_n = 0;
			bool have = false;

			if (t->tag == K_BLOCK && t->standalone && i + 1 < p->n &&
			    p->v[i + 1].kind == T_TEXT) {
				/* intrinsic: the first line after the opening tag */
				size_t q = p->v[i + 1].end;
				ws = p->src + q;
				while (q < p->len && is_blank(p->src[q]))
					q++;
				ws_n = (size_t)(p->src + q - ws);
				have = true;
				t->at_line_start = true;
			} else if (t->tag == K_BLOCK && !t->in_parent && t->lclear &&
				   t->match != SIZE_MAX && p->v[t->match].rclear) {
				/* a standalone pair: the indentation before it */
				if (i > 0 && p->v[i - 1].kind == T_TEXT) {
					ws = p->src + p->v[i - 1].start;
					ws_n = p->v[i - 1].end - p->v[i - 1].start;
				} else {
					ws = "";
				}
				have = true;
			}
			depth++;
			strip[depth].s = cur;
			strip[depth].n = cur_n;
			if (have) {
				size_t m = common_prefix(ws, ws_n, cur, cur_n);
				t->indented = true;
				if (m == cur_n) {
					t->indent = ws + m;
					t->indent_len = ws_n - m;
					strip[depth].s = ws;
					strip[depth].n = ws_n;
				} else {
					t->indent = "";
				}
			}
		} else if (t->tag == K_CLOSE && t->match != SIZE_MAX && depth > 0) {
			depth--;
		}
	}
}

/* ---- pass 5: standalone lines ---------------------------------------- */

static void remove_standalone(struct parser *p)
{
	for (size_t i = 0; i < p->n; i++) {
		struct tok *t = &p->v[i];
		const struct tok *partner;
		bool left = true, right = true;

		if (t->kind != T_TAG || !t->standalone)
			continue;
		partner = t->match != SIZE_MAX ? &p->v[t->match] : NULL;
		/* sides inside a parent's ignored body are left alone */
		if (t->tag == K_PARENT)
			right = false;
		if (t->tag == K_CLOSE && partner && partner->tag == K_PARENT)
			left = false;
		if (t->in_parent && t->tag == K_BLOCK)
			left = false;
		if (t->in_parent && t->tag == K_CLOSE)
			right = false;

		if (left && i > 0) {
			struct tok *prev = &p->v[i - 1];
			if (prev->kind == T_TEXT) {
				if (t->tag == K_PARTIAL || t->tag == K_PARENT) {
					t->indent = p->src + prev->start + prev->strip;
					t->indent_len = prev->end - prev->start - prev->strip;
				}
				prev->removed = true;
				if (i > 1)
					p->v[i - 2].removed = true;   /* the line's LINE */
			} else {
				prev->removed = true;
			}
		}
		if ((t->tag == K_PARTIAL || t->tag == K_PARENT) && !t->indent)
			t->indent = "";
		if (t->tag == K_PARTIAL || t->tag == K_PARENT)
			t->indented = true;
		if (right && i + 1 < p->n && p->v[i + 1].kind == T_TEXT)
			p->v[i + 1].removed = true;
	}
}

/* ---- pass 6: the tree ----------------------------------------------- */

struct nodevec {
	struct node *v;
	size_t n, cap;
};

static struct node *nodevec_push(struct nodevec *nv)
{
	if (nv->n == nv->cap) {
		nv->cap = nv->cap ? nv->cap * 2 : 16;
		nv->v = xrealloc(nv->v, nv->cap * sizeof(*nv->v));
	}
	memset(&nv->v[nv->n], 0, sizeof(nv->v[0]));
	return &nv->v[nv->n++];
}

static struct node *nodevec_finish(struct parser *p, struct nodevec *nv, size_t *n)
{
	struct node *out = NULL;
	*n = nv->n;
	if (nv->n) {
		out = arena_alloc(p->a, nv->n * sizeof(*out));
		memcpy(out, nv->v, nv->n * sizeof(*out));
	}
	free(nv->v);
	return out;
}

static void set_name(struct parser *p, struct node *nd, const struct tok *t)
{
	const char *s = t->name;
	size_t n = t->name_len;

	nd->str = arena_strndup(p->a, s, n);
	nd->len = n;
	if (nd->kind != N_VAR && nd->kind != N_SECTION && nd->kind != N_INVERTED)
		return;
	if (n == 1 && s[0] == '.') {
		nd->from_top = true;
		return;
	}
	if (s[0] == '.') {
		nd->from_top = true;
		s++;
		n--;
	}
	nd->npath = 1;
	for (size_t i = 0; i < n; i++)
		if (s[i] == '.')
			nd->npath++;
	nd->path = arena_alloc(p->a, nd->npath * sizeof(*nd->path));
	for (size_t k = 0, i = 0; k < nd->npath; k++) {
		const char *dot = memchr(s + i, '.', n - i);
		size_t seg = dot ? (size_t)(dot - (s + i)) : n - i;
		nd->path[k] = arena_strndup(p->a, s + i, seg);
		i += seg + 1;
	}
}

static struct node *build(struct parser *p, size_t lo, size_t hi, size_t *count);

static void build_block(struct parser *p, struct node *nd, size_t i)
{
	const struct tok *t = &p->v[i];
	struct node *kids;
	size_t n;

	nd->kind = N_BLOCK;
	nd->line = t->line;
	nd->col = t->col;
	nd->file = p->file;
	set_name(p, nd, t);
	nd->indent = t->indent ? arena_strndup(p->a, t->indent, t->indent_len) : "";
	nd->indent_len = t->indent ? t->indent_len : 0;
	nd->indented = t->indented;
	nd->at_line_start = t->at_line_start;
	kids = build(p, i + 1, t->match, &n);
	/* Content written from the middle of a line gets a LINE at its
	 * start, so that it is indented where it is expanded at the start of
	 * a line; a block expanded in the middle of one skips its first LINE
	 * (struct render's skip_line). */
	if (n && !t->standalone && kids[0].kind != N_LINE) {
		struct node *v = arena_alloc(p->a, (n + 1) * sizeof(*v));
		v[0].kind = N_LINE;
		v[0].line = kids[0].line;
		v[0].col = kids[0].col;
		v[0].file = p->file;
		memcpy(v + 1, kids, n * sizeof(*v));
		kids = v;
		n++;
	}
	nd->kids = kids;
	nd->nkids = n;
}

static struct node *build(struct parser *p, size_t lo, size_t hi, size_t *count)
{
	struct nodevec nv = { NULL, 0, 0 };

	for (size_t i = lo; i < hi; i++) {
		const struct tok *t = &p->v[i];
		struct node *nd;

		if (t->kind == T_TEXT) {
			if (t->removed || t->end - t->start == t->strip)
				continue;
			nd = nodevec_push(&nv);
			nd->kind = N_TEXT;
			nd->line = t->line;
			nd->col = t->col + (int)t->strip;
			nd->file = p->file;
			nd->str = p->src + t->start + t->strip;   /* copied below */
			nd->len = t->end - t->start - t->strip;
			nd->str = arena_strndup(p->a, nd->str, nd->len);
			continue;
		}
		if (t->kind == T_LINE) {
			if (t->removed)
				continue;
			nd = nodevec_push(&nv);
			nd->kind = N_LINE;
			nd->line = t->line;
			nd->col = t->col;
			nd->file = p->file;
			continue;
		}
		if (t->tag == K_COMMENT || t->tag == K_DELIM || t->tag == K_CLOSE)
			continue;
		nd = nodevec_push(&nv);
		nd->line = t->line;
		nd->col = t->col;
		nd->file = p->file;
		switch (t->tag) {
		case K_VAR:
		case K_RAW:
			nd->kind = N_VAR;
			nd->escape = t->tag == K_VAR;
			set_name(p, nd, t);
			break;
		case K_SECTION:
		case K_INVERTED:
			nd->kind = t->tag == K_SECTION ? N_SECTION : N_INVERTED;
			set_name(p, nd, t);
			nd->kids = build(p, i + 1, t->match, &nd->nkids);
			i = t->match;
			break;
		case K_PARTIAL:
		case K_PARENT:
			nd->kind = t->tag == K_PARTIAL ? N_PARTIAL : N_PARENT;
			set_name(p, nd, t);
			nd->indented = t->indented;
			nd->indent = t->indent ? arena_strndup(p->a, t->indent, t->indent_len) : "";
			nd->indent_len = t->indent ? t->indent_len : 0;
			if (t->tag == K_PARENT) {
				/* only the blocks in a parent's body count */
				struct nodevec blocks = { NULL, 0, 0 };
				for (size_t j = i + 1; j < t->match; j++) {
					const struct tok *b = &p->v[j];
					if (b->kind != T_TAG || !is_open(b))
						continue;
					if (b->tag == K_BLOCK)
						build_block(p, nodevec_push(&blocks), j);
					j = b->match;
				}
				nd = &nv.v[nv.n - 1];   /* build_block may not move nv, but be safe */
				nd->kids = nodevec_finish(p, &blocks, &nd->nkids);
				i = t->match;
			}
			break;
		case K_BLOCK: {
			/* build_block recurses into build, which has its own vector */
			struct node tmp;
			memset(&tmp, 0, sizeof(tmp));
			build_block(p, &tmp, i);
			nv.v[nv.n - 1] = tmp;
			i = t->match;
			break;
		}
		default:
			BUG("tag kind %d in build", (int)t->tag);
		}
	}
	return nodevec_finish(p, &nv, count);
}

struct tmpl *tmpl_parse(struct arena *a, const char *file, const char *src,
			size_t len, struct diags *d)
{
	struct parser p = { .a = a, .src = src, .len = len, .d = d };
	struct tmpl *t = NULL;
	size_t errors = d->errors;
	bool whole;

	p.file = arena_strdup(a, file ? file : "");
	whole = tokenize(&p);
	if (match_tags(&p, whole) && whole && d->errors == errors) {
		mark_standalone(&p);
		indent_blocks(&p);
		remove_standalone(&p);
		t = arena_alloc(a, sizeof(*t));
		t->file = p.file;
		t->nodes = build(&p, 0, p.n, &t->n);
	}
	free(p.v);
	return t;
}

/* ---- rendering ------------------------------------------------------ */

/* The blocks a parent tag passes down; the outermost definition wins. */
struct frame {
	const struct node *blocks;
	size_t n;
	const struct frame *outer;
};

struct render {
	const struct tmpl_loader *loader;
	struct diags *d;
	struct buf *out;
	size_t out_start;
	const struct value **stack;
	size_t depth, cap;
	unsigned long steps;
	/* A block expanded in the middle of a line: its content's first
	 * line start, if it comes before any output, writes no indentation
	 * (the line's own is already there). */
	bool skip_line;
};

static bool render_nodes(struct render *r, const struct node *nodes, size_t n,
			 const char *indent, size_t indent_len, const struct frame *env,
			 int level);

static void push_ctx(struct render *r, const struct value *v)
{
	if (r->depth == r->cap) {
		r->cap = r->cap ? r->cap * 2 : 16;
		r->stack = xrealloc(r->stack, r->cap * sizeof(*r->stack));
	}
	r->stack[r->depth++] = v;
}

static const struct value *lookup(const struct render *r, const struct node *nd)
{
	const struct value *v = NULL;

	if (r->depth == 0)
		return NULL;
	if (nd->from_top) {
		v = r->stack[r->depth - 1];
		if (nd->npath == 0)
			return v;
		v = v->kind == VAL_MAP ? value_map_get(v, nd->path[0]) : NULL;
	} else {
		for (size_t i = r->depth; i > 0 && !v; i--) {
			const struct value *c = r->stack[i - 1];
			if (c->kind == VAL_MAP)
				v = value_map_get(c, nd->path[0]);
		}
	}
	for (size_t k = 1; k < nd->npath && v; k++)
		v = v->kind == VAL_MAP ? value_map_get(v, nd->path[k]) : NULL;
	return v;
}

static bool emit(struct render *r, const struct node *nd, const char *s, size_t n, bool escape)
{
	/* checked before writing, and again after escaping has grown it */
	if (r->out->len - r->out_start + n <= LIMIT_OUTPUT_SIZE) {
		if (escape)
			escape_html(r->out, s, n);
		else
			buf_add(r->out, s, n);
		if (n)
			r->skip_line = false;
		if (r->out->len - r->out_start <= LIMIT_OUTPUT_SIZE)
			return true;
	}
	diag_error(r->d, nd->file, nd->line, nd->col, "output larger than %u bytes",
		   LIMIT_OUTPUT_SIZE);
	return false;
}

static bool render_var(struct render *r, const struct node *nd)
{
	const struct value *v = lookup(r, nd);

	if (!v)
		return true;
	switch (v->kind) {
	case VAL_STRING:
		return emit(r, nd, v->str, v->len, nd->escape);
	case VAL_BOOL:
		return emit(r, nd, v->boolean ? "true" : "false", v->boolean ? 4 : 5, false);
	default:
		/* null renders empty; lists and maps have no text */
		return true;
	}
}

static const struct node *find_block(const struct frame *env, const char *name)
{
	const struct node *found = NULL;

	for (const struct frame *f = env; f; f = f->outer)
		for (size_t i = 0; i < f->n; i++)
			if (!strcmp(f->blocks[i].str, name)) {
				found = &f->blocks[i];
				break;
			}
	return found;
}

/* Renders nodes with the indentation of an expansion site: added to the
 * current one when the site is standalone, none otherwise. */
static bool render_indented(struct render *r, const struct node *site,
			    const struct node *nodes, size_t n, const char *indent,
			    size_t indent_len, const struct frame *env, int level)
{
	char *mine = NULL;
	size_t mine_len = 0;
	bool ok;

	if (site->indented && indent_len + site->indent_len > 0) {
		mine_len = indent_len + site->indent_len;
		mine = xmalloc(mine_len);
		memcpy(mine, indent, indent_len);
		memcpy(mine + indent_len, site->indent, site->indent_len);
	}
	ok = render_nodes(r, nodes, n, mine ? mine : "", mine_len, env, level);
	free(mine);
	return ok;
}

static bool too_deep(struct render *r, const struct node *nd, int level, const char *what,
		     const char *verb)
{
	if (level < LIMIT_PARTIAL_DEPTH)
		return false;
	diag_error(r->d, nd->file, nd->line, nd->col,
		   "%s '%s' nested more than %d deep (does it %s itself?)", what, nd->str,
		   LIMIT_PARTIAL_DEPTH, verb);
	return true;
}

static bool render_nodes(struct render *r, const struct node *nodes, size_t n,
			 const char *indent, size_t indent_len, const struct frame *env,
			 int level)
{
	for (size_t i = 0; i < n; i++) {
		const struct node *nd = &nodes[i];

		if (++r->steps > LIMIT_TMPL_STEPS) {
			diag_error(r->d, nd->file, nd->line, nd->col,
				   "template expansion runs away (more than %u steps)",
				   LIMIT_TMPL_STEPS);
			return false;
		}
		switch (nd->kind) {
		case N_TEXT:
			if (!emit(r, nd, nd->str, nd->len, false))
				return false;
			break;
		case N_LINE:
			if (r->skip_line)
				r->skip_line = false;
			else if (indent_len && !emit(r, nd, indent, indent_len, false))
				return false;
			break;
		case N_VAR:
			if (!render_var(r, nd))
				return false;
			break;
		case N_SECTION: {
			const struct value *v = lookup(r, nd);
			if (!value_truthy(v))
				break;
			if (v->kind == VAL_LIST) {
				for (size_t k = 0; k < v->len; k++) {
					bool ok;
					push_ctx(r, v->items[k]);
					ok = render_nodes(r, nd->kids, nd->nkids, indent, indent_len,
							  env, level);
					r->depth--;
					if (!ok)
						return false;
				}
			} else {
				bool ok;
				push_ctx(r, v);
				ok = render_nodes(r, nd->kids, nd->nkids, indent, indent_len, env,
						  level);
				r->depth--;
				if (!ok)
					return false;
			}
			break;
		}
		case N_INVERTED:
			if (!value_truthy(lookup(r, nd)) &&
			    !render_nodes(r, nd->kids, nd->nkids, indent, indent_len, env, level))
				return false;
			break;
		case N_PARTIAL:
		case N_PARENT: {
			const struct tmpl *t;
			struct frame f;
			if (too_deep(r, nd, level, nd->kind == N_PARTIAL ? "partial" : "parent",
				     "include"))
				return false;
			t = r->loader && r->loader->load ? r->loader->load(r->loader->ctx, nd->str, r->d)
							 : NULL;
			if (!t)
				break;   /* missing: renders empty, per spec */
			f.blocks = nd->kids;
			f.n = nd->nkids;
			f.outer = env;
			if (!render_indented(r, nd, t->nodes, t->n, indent, indent_len,
					     nd->kind == N_PARENT ? &f : env, level + 1))
				return false;
			break;
		}
		case N_BLOCK: {
			const struct node *over = find_block(env, nd->str);
			const struct node *content = over ? over : nd;
			bool pending = r->skip_line;   /* an enclosing block's, still unused */
			if (over && too_deep(r, nd, level, "block", "contain"))
				return false;
			r->skip_line = pending || !nd->at_line_start;
			if (!render_indented(r, nd, content->kids, content->nkids, indent, indent_len,
					     env, over ? level + 1 : level))
				return false;
			if (!pending)
				r->skip_line = false;
			break;
		}
		}
	}
	return true;
}

bool tmpl_render(const struct tmpl *t, const struct value *root,
		 const struct tmpl_loader *loader, struct buf *out, struct diags *d)
{
	struct render r = { .loader = loader, .d = d, .out = out, .out_start = out->len };
	bool ok;

	if (root)
		push_ctx(&r, root);
	ok = render_nodes(&r, t->nodes, t->n, "", 0, NULL, 0);
	free(r.stack);
	return ok;
}
