/*
 * markdown.c: cmark-gfm parsing, our AST passes, HTML rendering.
 *
 * cmark keeps its own allocator: each document is parsed, transformed,
 * rendered and freed here; only the resulting strings are copied into
 * the arena.  Heading ids are written by replacing each heading with a
 * custom block holding its rendered HTML, because cmark's HTML renderer
 * has no attribute hook and custom blocks are written verbatim even in
 * safe mode.
 *
 * cmark-gfm 0.29.0.gfm.6 (Debian 12) has inputs that take quadratic time
 * or unbounded memory, and so did our passes.  The limits in
 * util/limits.h, checked before cmark sees a page (within_limits), keep
 * every page within seconds, each with a diagnostic; heading ids are
 * found through a hash table.
 */
#include "render/markdown.h"
#include "util/buf.h"
#include "util/escape.h"
#include "util/limits.h"
#include "util/text.h"

#include <cmark-gfm.h>
#include <cmark-gfm-core-extensions.h>
#include <ctype.h>
#include <pthread.h>
#include <strings.h>

static const char *const ext_names[] = { "table", "autolink", "strikethrough" };
static cmark_syntax_extension *exts[3];
static pthread_once_t registered = PTHREAD_ONCE_INIT;
/* cmark-gfm 0.29 keeps the inline parser's special characters in a
 * global table that each parse changes and restores for its extensions
 * (github/cmark-gfm#176): the inline parsing, in cmark_parser_finish,
 * is one thread at a time.  Block parsing, our passes and HTML
 * rendering run in parallel (tests/threads runs them under
 * ThreadSanitizer). */
static pthread_mutex_t parse_lock = PTHREAD_MUTEX_INITIALIZER;

static void register_extensions(void)
{
	cmark_gfm_core_extensions_ensure_registered();
	for (size_t i = 0; i < ARRAY_LEN(ext_names); i++) {
		exts[i] = cmark_find_syntax_extension(ext_names[i]);
		if (!exts[i])
			BUG("cmark-gfm extension '%s' is not registered", ext_names[i]);
	}
}

void md_init(void)
{
	pthread_once(&registered, register_extensions);
}

/*
 * cmark allocates every node and string on its own, a calloc and a free
 * each, which cost more than the parsing on a large site.  Each
 * md_render gives it an arena instead, freed whole at the end; free
 * does nothing and realloc copies when it grows.  cmark_mem's functions
 * take no context: the arena is the thread's current render's.  Every
 * node we make ourselves comes from the same cmark_mem, because cmark
 * frees a tree with the allocator of its root.
 */
static _Thread_local struct arena *cm_arena;

static void *cm_calloc(size_t n, size_t size)
{
	size_t *h;

	if (size && n > (SIZE_MAX - sizeof(*h)) / size)
		BUG("cmark asked for %zu times %zu bytes", n, size);
	/* zeroed by the arena; the size goes before, for realloc */
	h = arena_alloc(cm_arena, sizeof(*h) + n * size);
	h[0] = n * size;
	return h + 1;
}

static void *cm_realloc(void *ptr, size_t size)
{
	size_t old = ptr ? ((size_t *)ptr)[-1] : 0;
	void *grown;

	if (ptr && size <= old)
		return ptr;
	grown = cm_calloc(1, size);
	if (old)
		memcpy(grown, ptr, old);
	return grown;
}

static void cm_free(void *ptr)
{
	(void)ptr;
}

static cmark_mem cm_mem = { cm_calloc, cm_realloc, cm_free };

/* An id used on the page, and the next "-N" to try for its text. */
struct id_slot {
	const char *id;
	int next;
};

struct pass {
	struct arena *a;
	const struct md_options *opt;
	struct diags *d;
	int options;
	cmark_llist *exts;
	/* ids used so far on this page: open addressing, power-of-two size */
	struct id_slot *ids;
	size_t n_ids, cap_ids;
	struct toc_entry *toc;
	size_t n_toc, cap_toc;
	struct buf prose;
	struct buf table_text;
	struct md_para *paras;
	size_t n_paras, cap_paras;
	struct md_link *links;
	size_t n_links, cap_links;
	struct md_table *tables;
	size_t n_tables, cap_tables;
	struct md_ignore *ignores;
	size_t n_ignores, cap_ignores;
	/* for the print variant (opt->print_prefix): the '#' links and
	 * the headings' blocks, each with its HTML in both variants */
	cmark_node **anchors;
	size_t n_anchors, cap_anchors;
	struct heading_block *blocks;
	size_t n_blocks, cap_blocks;
};

struct heading_block {
	cmark_node *block;
	const char *page, *print;   /* <hN id="…">…</hN> */
};

/* Grows an xmalloc'd array of n items of size sz to hold one more. */
static void *grow(void *v, size_t n, size_t *cap, size_t sz)
{
	if (n < *cap)
		return v;
	*cap = *cap ? *cap * 2 : 16;
	return xrealloc(v, *cap * sz);
}

/* Arena: a copy of the n items of an xmalloc'd array, which is freed. */
static void *to_arena(struct arena *a, void *v, size_t n, size_t sz)
{
	void *out = arena_alloc(a, (n ? n : 1) * sz);
	if (n)
		memcpy(out, v, n * sz);
	free(v);
	return out;
}

static int line_of(const struct pass *p, cmark_node *n);
static void plain_text(cmark_node *n, struct buf *b);

static void add_prose(struct pass *p, cmark_node *para)
{
	if (p->n_paras == p->cap_paras) {
		p->cap_paras = p->cap_paras ? p->cap_paras * 2 : 32;
		p->paras = xrealloc(p->paras, p->cap_paras * sizeof(*p->paras));
	}
	p->paras[p->n_paras++] = (struct md_para){ p->prose.len, line_of(p, para) };
	plain_text(para, &p->prose);
	buf_addc(&p->prose, '\n');
}

/* Nodes made by extensions (autolinks) have no position: use the
 * nearest ancestor's. */
static int line_of(const struct pass *p, cmark_node *n)
{
	int l = 0;
	for (; n && l <= 0; n = cmark_node_parent(n))
		l = cmark_node_get_start_line(n);
	return l > 0 ? l + p->opt->first_line - 1 : p->opt->first_line;
}

static bool has_scheme(const char *url)
{
	for (const char *s = url; *s; s++) {
		if (*s == ':')
			return s != url;
		if (!((*s >= 'a' && *s <= 'z') || (*s >= 'A' && *s <= 'Z') ||
		      (*s >= '0' && *s <= '9') || *s == '+' || *s == '-' || *s == '.'))
			return false;
	}
	return false;
}

static void record_link(struct pass *p, cmark_node *n, int line, int col)
{
	struct buf text = BUF_INIT;
	const char *url = cmark_node_get_url(n);

	plain_text(n, &text);
	p->links = grow(p->links, p->n_links, &p->cap_links, sizeof(*p->links));
	p->links[p->n_links++] = (struct md_link){
		.dest = arena_strdup(p->a, url ? url : ""),
		.text = arena_strndup(p->a, buf_cstr(&text), text.len),
		.line = line,
		.col = col,
		.image = cmark_node_get_type(n) == CMARK_NODE_IMAGE,
	};
	buf_free(&text);
}

static void rewrite_link(struct pass *p, cmark_node *n, int line, int col)
{
	const char *url = cmark_node_get_url(n);
	const char *rewritten;

	if (!url)
		return;
	if (!p->opt->unsafe && !url_is_safe(url, strlen(url))) {
		diag_error(p->d, p->opt->file, line, col,
			   "link to '%.60s' uses a scheme that is not allowed (only http, https, mailto and tel)",
			   url);
		cmark_node_set_url(n, "");
		return;
	}
	if (url[0] == '#' && p->opt->print_prefix) {
		p->anchors = grow(p->anchors, p->n_anchors, &p->cap_anchors, sizeof(*p->anchors));
		p->anchors[p->n_anchors++] = n;
	}
	if (!*url || has_scheme(url) || url[0] == '#' || (url[0] == '/' && url[1] == '/'))
		return;
	if (!p->opt->links)
		return;
	rewritten = p->opt->links->rewrite(p->opt->links->ctx, url, line, col);
	if (rewritten)
		cmark_node_set_url(n, rewritten);
}

static void check_link(struct pass *p, cmark_node *n)
{
	int line = line_of(p, n), col = cmark_node_get_start_column(n) + p->opt->col_offset;

	rewrite_link(p, n, line, col);
	record_link(p, n, line, col);
}

static void plain_text(cmark_node *n, struct buf *b)
{
	for (cmark_node *c = cmark_node_first_child(n); c; c = cmark_node_next(c)) {
		switch (cmark_node_get_type(c)) {
		case CMARK_NODE_TEXT:
		case CMARK_NODE_CODE:
			buf_adds(b, cmark_node_get_literal(c));
			break;
		case CMARK_NODE_SOFTBREAK:
		case CMARK_NODE_LINEBREAK:
			buf_addc(b, ' ');
			break;
		default:
			plain_text(c, b);
		}
	}
}

/* The slot of id: its own, or the empty one where it would go. */
static struct id_slot *id_slot(const struct pass *p, const char *id)
{
	size_t h = 2166136261u;
	for (const char *c = id; *c; c++)
		h = (h ^ (unsigned char)*c) * 16777619u;
	for (size_t i = h & (p->cap_ids - 1);; i = (i + 1) & (p->cap_ids - 1))
		if (!p->ids[i].id || !strcmp(p->ids[i].id, id))
			return &p->ids[i];
}

static void id_add(struct pass *p, const char *id)
{
	if (2 * (p->n_ids + 1) > p->cap_ids) {
		struct id_slot *old = p->ids;
		size_t old_cap = p->cap_ids;
		p->cap_ids = old_cap ? old_cap * 2 : 64;
		p->ids = xcalloc(p->cap_ids, sizeof(*p->ids));
		for (size_t i = 0; i < old_cap; i++)
			if (old[i].id)
				*id_slot(p, old[i].id) = old[i];
		free(old);
	}
	*id_slot(p, id) = (struct id_slot){ id, 2 };
	p->n_ids++;
}

/* The heading's slug, or the slug with the first free "-N" after it.
 * Each slug remembers the N it got to, so that many headings with the
 * same text take linear time, not cubic. */
static const char *unique_id(struct pass *p, const char *text)
{
	const char *base = text_slug(p->a, text, strlen(text));
	const char *id;
	struct id_slot *slot;

	id = base;
	slot = p->cap_ids ? id_slot(p, base) : NULL;
	if (slot && slot->id) {
		int n;
		for (n = slot->next;; n++) {
			id = arena_printf(p->a, "%s-%d", base, n);
			if (!id_slot(p, id)->id)
				break;
		}
		slot->next = n + 1;
	}
	id_add(p, id);
	return id;
}

/* Replaces heading h with a custom block holding <hN id="…">…</hN>. */
static void rewrite_heading(struct pass *p, cmark_node *h)
{
	int level = cmark_node_get_heading_level(h);
	int line = line_of(p, h);
	struct buf text = BUF_INIT, html = BUF_INIT;
	cmark_node *wrap = cmark_node_new_with_mem(CMARK_NODE_DOCUMENT, &cm_mem);
	cmark_node *para = cmark_node_new_with_mem(CMARK_NODE_PARAGRAPH, &cm_mem);
	cmark_node *block = cmark_node_new_with_mem(CMARK_NODE_CUSTOM_BLOCK, &cm_mem);
	cmark_node *c;
	char *inner;
	size_t inner_len;
	const char *id;

	plain_text(h, &text);
	id = unique_id(p, buf_cstr(&text));

	/* the renderer expects a document above every block */
	cmark_node_append_child(wrap, para);
	while ((c = cmark_node_first_child(h)))
		cmark_node_append_child(para, c);
	inner = cmark_render_html_with_mem(wrap, p->options, p->exts, &cm_mem);
	inner_len = strlen(inner);
	/* "<p>…</p>\n" */
	if (inner_len >= 8 && !strncmp(inner, "<p>", 3)) {
		inner += 3;
		inner_len -= 8;
	} else {
		inner_len = 0;
	}
	buf_printf(&html, "<h%d id=\"%s\">%.*s</h%d>\n", level, id, (int)inner_len, inner, level);
	if (p->opt->print_prefix) {
		/* the prefix keeps ids unique on a page of many: the same
		 * for every id of this one, it keeps them apart as they are */
		p->blocks = grow(p->blocks, p->n_blocks, &p->cap_blocks, sizeof(*p->blocks));
		p->blocks[p->n_blocks++] = (struct heading_block){
			block, arena_strndup(p->a, html.data, html.len),
			arena_printf(p->a, "<h%d id=\"%s%s\">%.*s</h%d>\n", level,
				     p->opt->print_prefix, id, (int)inner_len, inner, level),
		};
	}

	cmark_node_set_on_enter(block, buf_cstr(&html));
	cmark_node_set_on_exit(block, "");
	cmark_node_insert_before(h, block);
	cmark_node_free(h);
	cmark_node_free(wrap);

	if (p->n_toc == p->cap_toc) {
		p->cap_toc = p->cap_toc ? p->cap_toc * 2 : 16;
		struct toc_entry *v = arena_alloc(p->a, p->cap_toc * sizeof(*v));
		if (p->n_toc)
			memcpy(v, p->toc, p->n_toc * sizeof(*v));
		p->toc = v;
	}
	p->toc[p->n_toc++] = (struct toc_entry){
		.level = level, .line = line, .id = id, .text = arena_strdup(p->a, buf_cstr(&text)),
	};
	buf_free(&text);
	buf_free(&html);
}

static bool word_byte(unsigned char c)
{
	return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
	       c >= 0x80;
}

/* Offset of the first whole-word, ASCII-case-insensitive match of word
 * in s, or -1. */
static long find_word(const char *s, const char *word)
{
	size_t n = strlen(word), len = strlen(s);
	char low[128];
	const char *p;

	/* s is lower-cased by the caller; the words are short */
	if (!n || n >= sizeof(low))
		return -1;
	for (size_t i = 0; i <= n; i++)
		low[i] = (char)tolower((unsigned char)word[i]);
	for (p = strstr(s, low); p; p = strstr(p + 1, low)) {
		size_t i = (size_t)(p - s);
		if ((i > 0 && word_byte((unsigned char)s[i - 1])) ||
		    (i + n < len && word_byte((unsigned char)s[i + n])))
			continue;
		return (long)i;
	}
	return -1;
}

/* Links the first use of each term found in text node t (and the text
 * after it); used[] marks terms already explained on this page. */
static void link_terms(struct pass *p, cmark_node *t, bool *used)
{
	while (t) {
		const char *lit = cmark_node_get_literal(t);
		char *low = xstrdup(lit);
		long best = -1;
		size_t best_term = 0, best_len = 0;
		cmark_node *link, *label, *after;
		char *before, *word, *rest;

		for (char *c = low; *c; c++)
			*c = (char)tolower((unsigned char)*c);
		for (size_t k = 0; k < p->opt->n_terms; k++) {
			if (used[k])
				continue;
			for (size_t m = 0; m < p->opt->terms[k].n_match; m++) {
				const char *w = p->opt->terms[k].match[m];
				long at = find_word(low, w);
				/* earliest match; at one place, the longest words */
				if (at >= 0 && (best < 0 || at < best ||
						(at == best && strlen(w) > best_len))) {
					best = at;
					best_term = k;
					best_len = strlen(w);
				}
			}
		}
		free(low);
		if (best < 0)
			return;
		used[best_term] = true;
		before = xstrndup(lit, (size_t)best);
		word = xstrndup(lit + best, best_len);
		rest = xstrdup(lit + best + best_len);

		link = cmark_node_new_with_mem(CMARK_NODE_LINK, &cm_mem);
		cmark_node_set_url(link, p->opt->terms[best_term].url);
		label = cmark_node_new_with_mem(CMARK_NODE_TEXT, &cm_mem);
		cmark_node_set_literal(label, word);
		cmark_node_append_child(link, label);
		after = cmark_node_new_with_mem(CMARK_NODE_TEXT, &cm_mem);
		cmark_node_set_literal(after, rest);
		cmark_node_set_literal(t, before);
		cmark_node_insert_after(t, link);
		cmark_node_insert_after(link, after);
		free(before);
		free(word);
		free(rest);
		t = after;
	}
}

/* A GFM table's header row is its first child; "empty" when every cell
 * of it is. */
static void record_table(struct pass *p, cmark_node *table)
{
	cmark_node *header = cmark_node_first_child(table);
	bool empty = true;

	for (cmark_node *c = header ? cmark_node_first_child(header) : NULL; c && empty;
	     c = cmark_node_next(c))
		empty = cmark_node_first_child(c) == NULL;
	p->tables = grow(p->tables, p->n_tables, &p->cap_tables, sizeof(*p->tables));
	p->tables[p->n_tables++] = (struct md_table){ line_of(p, table), empty };
	/* every cell's words, a row a line, for search */
	for (cmark_node *row = header; row; row = cmark_node_next(row)) {
		for (cmark_node *c = cmark_node_first_child(row); c; c = cmark_node_next(c)) {
			plain_text(c, &p->table_text);
			buf_addc(&p->table_text, ' ');
		}
		buf_addc(&p->table_text, '\n');
	}
}

/* "<!-- signpost: ignore RULE [RULE…] -->"; true when n is a comment.
 * Rule names are letters, digits and single hyphens. */
static bool record_comment(struct pass *p, cmark_node *n)
{
	const char *lit = cmark_node_get_literal(n);
	const char *s, *end;

	if (!lit || strncmp(lit, "<!--", 4))
		return false;
	end = strstr(lit, "-->");
	s = strstr(lit, "signpost: ignore");
	if (!s || (end && s > end))
		return true;
	s += strlen("signpost: ignore");
	for (;;) {
		size_t len = 0;
		while (*s == ' ' || *s == '\t' || *s == ',')
			s++;
		while ((s[len] >= 'a' && s[len] <= 'z') || (s[len] >= '0' && s[len] <= '9') ||
		       (s[len] == '-' && len > 0 && s[len + 1] != '-' && s[len + 1] != '>'))
			len++;
		if (len == 0)
			break;
		p->ignores = grow(p->ignores, p->n_ignores, &p->cap_ignores, sizeof(*p->ignores));
		p->ignores[p->n_ignores++] = (struct md_ignore){
			line_of(p, n), arena_strndup(p->a, s, len),
		};
		s += len;
	}
	return true;
}

static bool blank_line(const char *s, size_t n)
{
	for (size_t i = 0; i < n; i++)
		if (s[i] != ' ' && s[i] != '\t' && s[i] != '\r' && s[i] != '>')
			return false;
	return true;
}

/* Block quotes and list items opened at the start of line s[0..n). */
static size_t line_nesting(const char *s, size_t n)
{
	size_t depth = 0, i = 0;

	for (;; depth++) {
		size_t sp = 0, k = 0;
		while (i < n && s[i] == ' ' && sp < 3) {
			i++;
			sp++;
		}
		if (i < n && s[i] == '>') {
			i++;
		} else if (i + 1 < n && (s[i] == '-' || s[i] == '+' || s[i] == '*') &&
			   (s[i + 1] == ' ' || s[i + 1] == '\t')) {
			i++;
		} else {
			while (i + k < n && k < 9 && s[i + k] >= '0' && s[i + k] <= '9')
				k++;
			if (!k || i + k + 1 >= n || (s[i + k] != '.' && s[i + k] != ')') ||
			    (s[i + k + 1] != ' ' && s[i + k + 1] != '\t'))
				return depth;
			i += k + 1;
		}
		if (i < n && (s[i] == ' ' || s[i] == '\t'))
			i++;
	}
}

/* True when s[0..n) could be a table's delimiter row ("|---|:-:|"). */
static bool delimiter_row(const char *s, size_t n)
{
	bool pipe = false, dash = false;
	for (size_t i = 0; i < n; i++) {
		if (!s[i] || !strchr(" \t\r>|:-", s[i]))
			return false;
		pipe |= s[i] == '|';
		dash |= s[i] == '-';
	}
	return pipe && dash;
}

static size_t count_pipes(const char *s, size_t n)
{
	size_t k = 0;
	for (size_t i = 0; i < n; i++)
		k += s[i] == '|';
	return k;
}

/*
 * The limits checked before cmark sees the page, with estimates that
 * may be too high but never too low:
 *  - a table runs from the line above a delimiter row to the next blank
 *    line, and every row has the delimiter row's cells (cmark-gfm fills
 *    short rows up);
 *  - cmark-gfm copies a reference definition's destination and title
 *    for each use; a definition starts after "]:" and ends by the next
 *    blank line, and each ']' may end a use of the longest one;
 *  - for each '@' (up to 1000 in a text node, which is within a line)
 *    the e-mail autolinker scans the rest of the text node;
 *  - images nest in images and links, and each link's text is read in
 *    full (record_link): brackets still open, counted per paragraph,
 *    bound the nesting.
 */
static bool within_limits(const char *body, size_t len, const struct md_options *opt,
			  struct diags *d)
{
	const char *prev = NULL;
	size_t prev_n = 0, cols = 0, cells = 0;
	size_t uses = 0, def_start = SIZE_MAX, def_max = 0, open = 0;
	int line = opt->first_line, def_line = 0, def_max_line = 0;
	bool in_table = false;

	if (len > LIMIT_MD_SIZE) {
		diag_error(d, opt->file, opt->first_line, 1 + opt->col_offset,
			   "the Markdown is %zu bytes, more than the limit of %u; split the page",
			   len, LIMIT_MD_SIZE);
		return false;
	}
	for (size_t pos = 0; pos < len; line++) {
		const char *s = body + pos, *nl = memchr(s, '\n', len - pos);
		size_t n = nl ? (size_t)(nl - s) : len - pos, ats = 0;

		if (line_nesting(s, n) > LIMIT_MD_NESTING) {
			diag_error(d, opt->file, line, 1 + opt->col_offset,
				   "block quotes and lists nest more than %d deep",
				   LIMIT_MD_NESTING);
			return false;
		}
		if (blank_line(s, n))
			open = 0;
		for (size_t i = 0; i < n; i++) {
			ats += s[i] == '@';
			if (s[i] == '\\') {
				i++;
				continue;
			}
			if (s[i] == '[' && ++open > LIMIT_MD_BRACKETS) {
				diag_error(d, opt->file, line, (int)i + 1 + opt->col_offset,
					   "more than %d '[' open at once; links and images nest too deep",
					   LIMIT_MD_BRACKETS);
				return false;
			}
			if (s[i] != ']')
				continue;
			open -= open > 0;
			uses++;
			if (i + 1 < n && s[i + 1] == ':' && def_start == SIZE_MAX) {
				def_start = pos + i;
				def_line = line;
			}
		}
		if ((ats < 1000 ? ats : 1000) > LIMIT_MD_AUTOLINK_SCAN / (n + 1)) {
			diag_error(d, opt->file, line, 1 + opt->col_offset,
				   "line of %zu bytes has %zu '@': too many for the e-mail autolinker; break the line",
				   n, ats);
			return false;
		}
		if (def_start != SIZE_MAX && (blank_line(s, n) || pos + n >= len)) {
			if (pos + n - def_start > def_max) {
				def_max = pos + n - def_start;
				def_max_line = def_line;
			}
			def_start = SIZE_MAX;
		}
		if (blank_line(s, n)) {
			in_table = false;
		} else if (in_table) {
			cells += cols;
		} else if (prev && delimiter_row(s, n)) {
			in_table = true;
			cols = count_pipes(s, n) + 1;
			cells += 2 * cols;
			if (count_pipes(prev, prev_n) > LIMIT_MD_TABLE_ROW) {
				diag_error(d, opt->file, line - 1, 1 + opt->col_offset,
					   "table row has more than %d cells",
					   LIMIT_MD_TABLE_ROW);
				return false;
			}
		}
		if (in_table && count_pipes(s, n) > LIMIT_MD_TABLE_ROW) {
			diag_error(d, opt->file, line, 1 + opt->col_offset,
				   "table row has more than %d cells",
				   LIMIT_MD_TABLE_ROW);
			return false;
		}
		if (cells > LIMIT_MD_TABLE_CELLS) {
			diag_error(d, opt->file, line, 1 + opt->col_offset,
				   "tables on this page have more than %d cells",
				   LIMIT_MD_TABLE_CELLS);
			return false;
		}
		prev = s;
		prev_n = n;
		pos += n + 1;
	}
	if (def_max && uses > LIMIT_MD_LINK_BYTES / def_max) {
		diag_error(d, opt->file, def_max_line, 1 + opt->col_offset,
			   "link reference definitions here are long (%zu bytes) for a page with %zu ']' that may use them: shorten them or use fewer references",
			   def_max, uses);
		return false;
	}
	return true;
}

/* Arena: the print variant of the rendered tree doc, before glossary
 * links are added: its headings' blocks and '#' links switched to
 * their prefixed form for the rendering, then back. */
static void render_print_variant(struct pass *p, cmark_node *doc, struct md_doc *out)
{
	const char **urls = arena_alloc(p->a, (p->n_anchors ? p->n_anchors : 1) * sizeof(*urls));
	char *html;

	for (size_t i = 0; i < p->n_blocks; i++)
		cmark_node_set_on_enter(p->blocks[i].block, p->blocks[i].print);
	for (size_t i = 0; i < p->n_anchors; i++) {
		urls[i] = arena_strdup(p->a, cmark_node_get_url(p->anchors[i]));
		cmark_node_set_url(p->anchors[i], arena_printf(p->a, "#%s%s", p->opt->print_prefix,
							       urls[i] + 1));
	}
	html = cmark_render_html_with_mem(doc, p->options, p->exts, &cm_mem);
	out->print_len = strlen(html);
	out->print_html = arena_strndup(p->a, html, out->print_len);
	for (size_t i = 0; i < p->n_blocks; i++)
		cmark_node_set_on_enter(p->blocks[i].block, p->blocks[i].page);
	for (size_t i = 0; i < p->n_anchors; i++)
		cmark_node_set_url(p->anchors[i], urls[i]);
}

bool md_render(struct arena *a, const char *body, size_t len,
	       const struct md_options *opt, struct md_doc *out, struct diags *d)
{
	struct pass p = { .a = a, .opt = opt, .d = d };
	cmark_parser *parser;
	cmark_node *doc;
	cmark_iter *it;
	cmark_event_type ev;
	struct arena cm, *outer = cm_arena;
	cmark_node **headings = NULL, **texts = NULL;
	size_t n_headings = 0, cap_headings = 0, n_texts = 0, cap_texts = 0;
	int no_terms = 0;   /* depth inside links, images and headings */
	char *html;

	md_init();
	memset(out, 0, sizeof(*out));
	out->html = out->prose = "";
	if (!within_limits(body, len, opt, d))
		return false;
	p.options = CMARK_OPT_DEFAULT | (opt->unsafe ? CMARK_OPT_UNSAFE : 0);
	arena_init(&cm);
	cm_arena = &cm;
	parser = cmark_parser_new_with_mem(p.options, &cm_mem);
	for (size_t i = 0; i < ARRAY_LEN(exts); i++)
		cmark_parser_attach_syntax_extension(parser, exts[i]);
	/* the blocks, in parallel; the inlines (in finish), one at a time */
	cmark_parser_feed(parser, body, len);
	pthread_mutex_lock(&parse_lock);
	doc = cmark_parser_finish(parser);
	pthread_mutex_unlock(&parse_lock);
	p.exts = cmark_parser_get_syntax_extensions(parser);

	it = cmark_iter_new(doc);
	while ((ev = cmark_iter_next(it)) != CMARK_EVENT_DONE) {
		cmark_node *n = cmark_iter_get_node(it);
		cmark_node_type type = cmark_node_get_type(n);
		bool shelter = type == CMARK_NODE_LINK || type == CMARK_NODE_IMAGE ||
			       type == CMARK_NODE_HEADING;
		if (ev == CMARK_EVENT_EXIT && shelter)
			no_terms--;
		if (ev != CMARK_EVENT_ENTER)
			continue;
		if (shelter)
			no_terms++;
		switch (type) {
		case CMARK_NODE_LINK:
		case CMARK_NODE_IMAGE:
			check_link(&p, n);
			break;
		case CMARK_NODE_TEXT:
			if (opt->n_terms && !no_terms) {
				if (n_texts == cap_texts) {
					cap_texts = cap_texts ? cap_texts * 2 : 64;
					texts = xrealloc(texts, cap_texts * sizeof(*texts));
				}
				texts[n_texts++] = n;
			}
			break;
		case CMARK_NODE_PARAGRAPH:
			add_prose(&p, n);
			break;
		case CMARK_NODE_HEADING:
			if (n_headings == cap_headings) {
				cap_headings = cap_headings ? cap_headings * 2 : 16;
				headings = xrealloc(headings, cap_headings * sizeof(*headings));
			}
			headings[n_headings++] = n;
			break;
		case CMARK_NODE_HTML_BLOCK:
		case CMARK_NODE_HTML_INLINE:
			if (!record_comment(&p, n) && !opt->unsafe)
				diag_warning(d, opt->file, line_of(&p, n),
					     cmark_node_get_start_column(n) + opt->col_offset,
					     "raw HTML is left out (markdown.unsafe is off in config.yaml)");
			break;
		default:
			if (!strcmp(cmark_node_get_type_string(n), "table"))
				record_table(&p, n);
			break;
		}
	}
	cmark_iter_free(it);
	/* after the walk: these passes add and free nodes.  Glossary links
	 * go last: the print variant has none (the words are at its end) */
	for (size_t i = 0; i < n_headings; i++)
		rewrite_heading(&p, headings[i]);
	free(headings);
	if (opt->print_prefix)
		render_print_variant(&p, doc, out);
	free(p.anchors);
	free(p.blocks);
	if (n_texts) {
		bool *used = xcalloc(opt->n_terms, sizeof(*used));
		for (size_t i = 0; i < n_texts; i++)
			link_terms(&p, texts[i], used);
		free(used);
	}
	free(texts);

	html = cmark_render_html_with_mem(doc, p.options, p.exts, &cm_mem);
	out->html_len = strlen(html);
	out->html = arena_strndup(a, html, out->html_len);
	out->toc = p.toc;
	out->n_toc = p.n_toc;
	out->prose = arena_strndup(a, buf_cstr(&p.prose), p.prose.len);
	out->prose_len = p.prose.len;
	out->table_text = arena_strndup(a, buf_cstr(&p.table_text), p.table_text.len);
	buf_free(&p.table_text);
	out->n_paras = p.n_paras;
	out->paras = arena_alloc(a, (p.n_paras ? p.n_paras : 1) * sizeof(*out->paras));
	if (p.n_paras)
		memcpy(out->paras, p.paras, p.n_paras * sizeof(*p.paras));
	buf_free(&p.prose);
	free(p.paras);
	out->links = to_arena(a, p.links, p.n_links, sizeof(*p.links));
	out->n_links = p.n_links;
	out->tables = to_arena(a, p.tables, p.n_tables, sizeof(*p.tables));
	out->n_tables = p.n_tables;
	out->ignores = to_arena(a, p.ignores, p.n_ignores, sizeof(*p.ignores));
	out->n_ignores = p.n_ignores;
	free(p.ids);
	/* the tree, the parser and the HTML are all in cm */
	arena_free(&cm);
	cm_arena = outer;
	return true;
}

static const char *keep_str(struct arena *a, const char *s)
{
	return s ? arena_strdup(a, s) : NULL;
}

void md_doc_keep(struct arena *a, const struct md_doc *doc, bool with_html, struct md_doc *out)
{
	*out = *doc;
	out->html = with_html && doc->html ? arena_strndup(a, doc->html, doc->html_len) : NULL;
	out->html_len = out->html ? doc->html_len : 0;
	out->print_html = NULL;
	out->print_len = 0;
	out->prose = doc->prose ? arena_strndup(a, doc->prose, doc->prose_len) : NULL;
	out->table_text = keep_str(a, doc->table_text);
	out->toc = arena_alloc(a, (doc->n_toc ? doc->n_toc : 1) * sizeof(*out->toc));
	for (size_t i = 0; i < doc->n_toc; i++) {
		out->toc[i] = doc->toc[i];
		out->toc[i].id = keep_str(a, doc->toc[i].id);
		out->toc[i].text = keep_str(a, doc->toc[i].text);
	}
	out->paras = arena_alloc(a, (doc->n_paras ? doc->n_paras : 1) * sizeof(*out->paras));
	if (doc->n_paras)
		memcpy(out->paras, doc->paras, doc->n_paras * sizeof(*out->paras));
	out->links = arena_alloc(a, (doc->n_links ? doc->n_links : 1) * sizeof(*out->links));
	for (size_t i = 0; i < doc->n_links; i++) {
		out->links[i] = doc->links[i];
		out->links[i].dest = keep_str(a, doc->links[i].dest);
		out->links[i].text = keep_str(a, doc->links[i].text);
	}
	out->tables = arena_alloc(a, (doc->n_tables ? doc->n_tables : 1) * sizeof(*out->tables));
	if (doc->n_tables)
		memcpy(out->tables, doc->tables, doc->n_tables * sizeof(*out->tables));
	out->ignores = arena_alloc(a, (doc->n_ignores ? doc->n_ignores : 1) * sizeof(*out->ignores));
	for (size_t i = 0; i < doc->n_ignores; i++) {
		out->ignores[i] = doc->ignores[i];
		out->ignores[i].rule = keep_str(a, doc->ignores[i].rule);
	}
}
