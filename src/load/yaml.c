/*
 * yaml.c: libyaml's event stream into struct value.
 *
 * A small explicit stack (no recursion) builds lists and maps.  Anchors
 * are remembered with the size of what they hold; an alias shares the
 * anchored value and adds that size to the document's total, so an
 * alias bomb ("billion laughs") hits LIMIT_YAML_NODES instead of memory.
 * Every libyaml event is deleted as soon as its scalar is copied.
 */
#include "load/yaml.h"
#include "util/limits.h"

#include <strings.h>
#include <yaml.h>

struct anchor {
	char *name;            /* owned */
	struct value *val;
	size_t size;           /* nodes under val, itself included */
};

struct frame {
	struct value *coll;    /* list or map being filled */
	const char *key;       /* map: pending key, NULL when expecting one */
	int key_line, key_col;
	char *anchor;          /* owned: anchor of this collection, if any */
	size_t start_nodes;    /* node count when the collection opened */
};

struct loader {
	struct arena *a;
	const char *file;
	int line_offset;
	struct diags *d;
	struct frame stack[LIMIT_YAML_DEPTH + 1];
	int depth;
	struct anchor *anchors;
	size_t n_anchors, cap_anchors;
	size_t nodes, aliases;
	struct value *root;
	bool failed;
};

/* Returns false (reported at v) when there are too many anchors: each
 * is looked for among all the others. */
static bool remember_anchor(struct loader *l, char *name, struct value *v, size_t size)
{
	/* a redefined anchor replaces the earlier one from here on */
	for (size_t i = 0; i < l->n_anchors; i++) {
		if (!strcmp(l->anchors[i].name, name)) {
			free(l->anchors[i].name);
			l->anchors[i] = (struct anchor){ name, v, size };
			return true;
		}
	}
	if (l->n_anchors == LIMIT_YAML_ANCHORS) {
		diag_error(l->d, l->file, v->line, v->col, "more than %d anchors in one document",
			   LIMIT_YAML_ANCHORS);
		free(name);
		return false;
	}
	if (l->n_anchors == l->cap_anchors) {
		l->cap_anchors = l->cap_anchors ? l->cap_anchors * 2 : 8;
		l->anchors = xrealloc(l->anchors, l->cap_anchors * sizeof(*l->anchors));
	}
	l->anchors[l->n_anchors++] = (struct anchor){ name, v, size };
	return true;
}

static const struct anchor *find_anchor(struct loader *l, const char *name)
{
	for (size_t i = 0; i < l->n_anchors; i++)
		if (!strcmp(l->anchors[i].name, name))
			return &l->anchors[i];
	return NULL;
}

static int line_of(struct loader *l, yaml_mark_t m)
{
	return (int)m.line + 1 + l->line_offset;
}

static int col_of(yaml_mark_t m)
{
	return (int)m.column + 1;
}

/* Resolution of plain scalars: YAML 1.2 core schema for null and bool;
 * numbers and everything else stay strings as written. */
static struct value *scalar_value(struct loader *l, const yaml_event_t *ev)
{
	const char *s = (const char *)ev->data.scalar.value;
	size_t len = ev->data.scalar.length;
	bool plain = ev->data.scalar.style == YAML_PLAIN_SCALAR_STYLE;
	struct value *v;

	if (plain && (len == 0 || (len == 1 && s[0] == '~') ||
		      (len == 4 && (!strcmp(s, "null") || !strcmp(s, "Null") ||
				    !strcmp(s, "NULL")))))
		v = value_null(l->a);
	else if (plain && len == 4 && !strcasecmp(s, "true") &&
		 (!strcmp(s, "true") || !strcmp(s, "True") || !strcmp(s, "TRUE")))
		v = value_bool(l->a, true);
	else if (plain && len == 5 &&
		 (!strcmp(s, "false") || !strcmp(s, "False") || !strcmp(s, "FALSE")))
		v = value_bool(l->a, false);
	else {
		v = value_strn(l->a, s, len);
		v->quoted = !plain;
	}
	v->line = line_of(l, ev->start_mark);
	v->col = col_of(ev->start_mark);
	return v;
}

/* Places a finished value into the collection on top of the stack, or
 * makes it the root.  Returns false on a problem already reported. */
static bool place(struct loader *l, struct value *v, const yaml_event_t *ev)
{
	struct frame *top;

	if (l->depth == 0) {
		l->root = v;
		return true;
	}
	top = &l->stack[l->depth - 1];
	if (top->coll->kind == VAL_LIST) {
		value_list_push(l->a, top->coll, v);
		return true;
	}
	if (!top->key) {
		if (v->kind != VAL_STRING && v->kind != VAL_BOOL && v->kind != VAL_NULL) {
			diag_error(l->d, l->file, line_of(l, ev->start_mark), col_of(ev->start_mark),
				   "a mapping key must be a plain value, not a list or mapping");
			return false;
		}
		top->key = v->kind == VAL_STRING ? v->str : v->kind == VAL_NULL ? "" :
			   v->boolean ? "true" : "false";
		top->key_line = v->line;
		top->key_col = v->col;
		if (top->coll->len >= LIMIT_YAML_KEYS) {
			diag_error(l->d, l->file, top->key_line, top->key_col,
				   "more than %d keys in one mapping", LIMIT_YAML_KEYS);
			return false;
		}
		if (value_map_pair(top->coll, top->key)) {
			const struct value_pair *first = value_map_pair(top->coll, top->key);
			diag_error(l->d, l->file, top->key_line, top->key_col,
				   "duplicate key '%s' (first defined on line %d)", top->key,
				   first->line);
			return false;
		}
		return true;
	}
	value_map_set(l->a, top->coll, top->key, v);
	/* the pair points at the key, which is where a person looks */
	top->coll->pairs[top->coll->len - 1].line = top->key_line;
	top->coll->pairs[top->coll->len - 1].col = top->key_col;
	top->key = NULL;
	return true;
}

static bool count_nodes(struct loader *l, size_t n, const yaml_event_t *ev)
{
	l->nodes += n;
	if (l->nodes > LIMIT_YAML_NODES) {
		diag_error(l->d, l->file, line_of(l, ev->start_mark), col_of(ev->start_mark),
			   "document expands to more than %d values; is an alias repeated too often?",
			   LIMIT_YAML_NODES);
		return false;
	}
	return true;
}

static bool open_collection(struct loader *l, const yaml_event_t *ev, bool is_map)
{
	const yaml_char_t *anchor = is_map ? ev->data.mapping_start.anchor :
					     ev->data.sequence_start.anchor;
	struct value *v;

	if (l->depth >= LIMIT_YAML_DEPTH) {
		diag_error(l->d, l->file, line_of(l, ev->start_mark), col_of(ev->start_mark),
			   "lists and mappings nest more than %d deep", LIMIT_YAML_DEPTH);
		return false;
	}
	if (!count_nodes(l, 1, ev))
		return false;
	v = is_map ? value_map(l->a) : value_list(l->a);
	v->line = line_of(l, ev->start_mark);
	v->col = col_of(ev->start_mark);
	l->stack[l->depth++] = (struct frame){
		.coll = v,
		.anchor = anchor ? xstrdup((const char *)anchor) : NULL,
		.start_nodes = l->nodes - 1,
	};
	return true;
}

static bool close_collection(struct loader *l, const yaml_event_t *ev)
{
	struct frame f = l->stack[--l->depth];
	if (f.anchor && !remember_anchor(l, f.anchor, f.coll, l->nodes - f.start_nodes))
		return false;
	return place(l, f.coll, ev);
}

static bool handle_event(struct loader *l, const yaml_event_t *ev)
{
	switch (ev->type) {
	case YAML_SCALAR_EVENT: {
		struct value *v;
		if (!count_nodes(l, 1, ev))
			return false;
		/* only escapes ("\0", "\e") get controls into a scalar; a NUL
		 * would cut C strings short, and HTML and XML forbid them */
		for (size_t i = 0; i < ev->data.scalar.length; i++) {
			unsigned char c = ev->data.scalar.value[i];
			if ((c < 0x20 && c != '\t' && c != '\n' && c != '\r') || c == 0x7f) {
				diag_error(l->d, l->file, line_of(l, ev->start_mark),
					   col_of(ev->start_mark),
					   "control character U+%04X in a value; remove the escape",
					   (unsigned)c);
				return false;
			}
		}
		v = scalar_value(l, ev);
		if (ev->data.scalar.anchor &&
		    !remember_anchor(l, xstrdup((const char *)ev->data.scalar.anchor), v, 1))
			return false;
		return place(l, v, ev);
	}
	case YAML_ALIAS_EVENT: {
		const struct anchor *an = find_anchor(l, (const char *)ev->data.alias.anchor);
		if (!an) {
			diag_error(l->d, l->file, line_of(l, ev->start_mark), col_of(ev->start_mark),
				   "unknown alias '%s'", (const char *)ev->data.alias.anchor);
			return false;
		}
		if (++l->aliases > LIMIT_YAML_ALIASES) {
			diag_error(l->d, l->file, line_of(l, ev->start_mark), col_of(ev->start_mark),
				   "more than %d aliases in one document", LIMIT_YAML_ALIASES);
			return false;
		}
		if (!count_nodes(l, an->size, ev))
			return false;
		return place(l, an->val, ev);
	}
	case YAML_SEQUENCE_START_EVENT:
		return open_collection(l, ev, false);
	case YAML_MAPPING_START_EVENT:
		return open_collection(l, ev, true);
	case YAML_SEQUENCE_END_EVENT:
	case YAML_MAPPING_END_EVENT:
		return close_collection(l, ev);
	default:
		return true;
	}
}

static void report_parser_error(struct loader *l, const yaml_parser_t *p,
				const char *src, size_t len)
{
	yaml_mark_t m = p->problem_mark;
	const char *problem = p->problem ? p->problem : "malformed YAML";

	if (m.index < len && src[m.index] == '\t') {
		diag_error(l->d, l->file, line_of(l, m), col_of(m),
			   "tab character where YAML needs spaces; indent with spaces");
		return;
	}

	if (p->error == YAML_MEMORY_ERROR) {
		fprintf(stderr, "signpost: fatal: out of memory parsing YAML\n");
		abort();
	}
	if (p->context)
		diag_error(l->d, l->file, line_of(l, m), col_of(m), "%s (%s started on line %d)",
			   problem, p->context, line_of(l, p->context_mark));
	else
		diag_error(l->d, l->file, line_of(l, m), col_of(m), "%s", problem);
}

struct value *yaml_parse(struct arena *a, const char *file, const char *src,
			 size_t len, int line_offset, struct diags *d)
{
	struct loader l = { .a = a, .file = file, .line_offset = line_offset, .d = d };
	yaml_parser_t parser;
	yaml_event_t ev;
	bool done = false;

	/* libyaml counts a byte-order mark as a column: the first key then
	 * opens a mapping one column in, the next line ends it and with it
	 * the document, and every key after the first was silently lost */
	if (len >= 3 && !memcmp(src, "\xef\xbb\xbf", 3)) {
		src += 3;
		len -= 3;
	}
	if (!yaml_parser_initialize(&parser))
		BUG("yaml_parser_initialize failed");
	yaml_parser_set_input_string(&parser, (const unsigned char *)src, len);
	yaml_parser_set_encoding(&parser, YAML_UTF8_ENCODING);

	while (!done && !l.failed) {
		if (!yaml_parser_parse(&parser, &ev)) {
			report_parser_error(&l, &parser, src, len);
			l.failed = true;
			break;
		}
		if (ev.type == YAML_DOCUMENT_END_EVENT || ev.type == YAML_STREAM_END_EVENT)
			done = true;
		else if (!handle_event(&l, &ev))
			l.failed = true;
		yaml_event_delete(&ev);
	}
	/* Only the first document counts, but what follows it must be a
	 * next document or nothing: a first line indented by mistake ends
	 * the document there, and the rest of the file must not vanish
	 * without a word. */
	if (done && !l.failed) {
		if (!yaml_parser_parse(&parser, &ev)) {
			if (parser.error == YAML_PARSER_ERROR)
				diag_error(d, file, line_of(&l, parser.problem_mark),
					   col_of(parser.problem_mark),
					   "this line comes after the end of the YAML document (an indented first line or a '...' line ends it)");
			else
				report_parser_error(&l, &parser, src, len);
			l.failed = true;
		} else {
			yaml_event_delete(&ev);
		}
	}
	yaml_parser_delete(&parser);

	while (l.depth > 0)
		free(l.stack[--l.depth].anchor);
	for (size_t i = 0; i < l.n_anchors; i++)
		free(l.anchors[i].name);
	free(l.anchors);

	if (l.failed)
		return NULL;
	return l.root ? l.root : value_null(a);
}

void yaml_text_origin(const char *src, size_t len, const struct value *v, int *line,
		      int *indent)
{
	size_t off = 0;
	int l = 1;
	char c;

	while (off < len && l < v->line)
		if (src[off++] == '\n')
			l++;
	off += (size_t)(v->col > 0 ? v->col - 1 : 0);
	c = off < len ? src[off] : '\0';
	if (c != '|' && c != '>') {
		*line = v->line;
		*indent = v->col - 1 + (c == '"' || c == '\'');
		return;
	}
	/* a block scalar: its text starts on the next line (blank lines
	 * at its start are part of it), indented as its first line that
	 * is not blank */
	while (off < len && src[off] != '\n')
		off++;
	*line = v->line + 1;
	do {
		off++;
		*indent = 0;
		for (; off < len && src[off] == ' '; off++)
			++*indent;
	} while (off < len && src[off] == '\n');
}
