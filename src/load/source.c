/*
 * source.c: reading the Markdown files under content/: front matter keys,
 * types and dates.
 */
#include "load/source.h"
#include "load/frontmatter.h"
#include "load/schema.h"
#include "load/walk.h"
#include "load/yaml.h"
#include "util/fs.h"
#include "util/text.h"

static const char *const fm_keys[] = {
	"title", "description", "weight", "draft", "slug", "layout", "topics",
	"reading_level", "last_reviewed", "review_by", "aliases", "date", "services", NULL,
};

/* A slug is one URL segment: no separators, no dot-segments, nothing a
 * file system or a browser could read as something else. */
static bool slug_ok(const char *s)
{
	if (!*s || !strcmp(s, ".") || !strcmp(s, ".."))
		return false;
	for (const char *p = s; *p; p++) {
		unsigned char c = (unsigned char)*p;
		if (c < 0x20 || c == 0x7f || strchr("/\\?#%\"'<>:|* ", c))
			return false;
	}
	return true;
}

/* Layout names are template names: folders allowed, but no way out. */
static bool layout_ok(const char *s)
{
	if (!*s || s[0] == '/' || strstr(s, "..") || strchr(s, '\\'))
		return false;
	return true;
}

static void read_front_matter(struct arena *a, const struct config *cfg,
			      struct source *s, struct diags *d)
{
	const char *file = s->path;
	const struct value *v;
	struct value *m = s->fm;

	schema_unknown_keys(m, fm_keys, cfg->params, "front matter key", file, d);

	s->title = schema_str(m, "title", file, d);
	if (!s->title || !*s->title) {
		const struct value *t = value_map_get(m, "title");
		if (!t)
			diag_error(d, file, 1, 1, "missing front matter key 'title'");
		else if (t->kind == VAL_NULL || t->kind == VAL_STRING)
			diag_error(d, file, t->line, t->col, "'title' is empty; every page needs a title");
		s->title = s->stem;
	}
	s->description = schema_str(m, "description", file, d);
	s->weight = schema_int(m, "weight", 0, file, d);
	s->draft = schema_bool(m, "draft", false, file, d);
	s->layout = schema_str(m, "layout", file, d);
	if (s->layout && !layout_ok(s->layout)) {
		v = value_map_get(m, "layout");
		diag_error(d, file, v->line, v->col, "layout '%s' should name a template in layouts/",
			   s->layout);
		s->layout = NULL;
	}
	s->slug = schema_str(m, "slug", file, d);
	if (s->slug) {
		v = value_map_get(m, "slug");
		if (!slug_ok(s->slug)) {
			diag_error(d, file, v->line, v->col,
				   "slug '%s' should be one URL segment, without '/', '\\', '..' or spaces",
				   s->slug);
			s->slug = NULL;
		} else if (text_reserved_name(s->slug)) {
			diag_error(d, file, v->line, v->col,
				   "slug '%s' is a device name on Windows (CON, PRN, AUX, NUL, COM1, LPT1, ...); choose another",
				   s->slug);
			s->slug = NULL;
		} else if (s->is_index) {
			diag_error(d, file, v->line, v->col,
				   "a section's _index.md takes its URL from its folder; rename the folder instead of setting 'slug'");
			s->slug = NULL;
		}
	}
	s->last_reviewed = schema_date(m, "last_reviewed", file, d);
	s->review_by = schema_date(m, "review_by", file, d);
	s->date = schema_date(m, "date", file, d);
	s->topics = schema_str_list(a, m, "topics", file, d);
	s->aliases = schema_str_list(a, m, "aliases", file, d);
	s->reading_level = schema_int(m, "reading_level", 0, file, d);
	v = value_map_get(m, "services");
	if (v && v->kind == VAL_MAP && v->len)
		s->services = v;
	else if (v && v->kind != VAL_NULL)
		diag_error(d, file, v->line, v->col,
			   "'services' should map a vocabulary to terms, e.g. 'tiers: specialist'");

	/* page.params: the site's declared params, overlaid by the page */
	s->params = value_map(a);
	for (size_t i = 0; i < cfg->params->len; i++) {
		const struct value_pair *p = &cfg->params->pairs[i];
		const struct value *own = value_map_get(m, p->key);
		value_map_set(a, s->params, p->key, own ? (struct value *)own : p->val);
	}
}

/* source_parse, with the body kept when keep_body is set (else only
 * where it is: render reads it again with source_body_now). */
static struct source *parse(struct arena *a, bool keep_body, const struct config *cfg,
			    const char *path, const char *rel, const char *src, size_t len,
			    struct diags *d)
{
	struct source *s = arena_alloc(a, sizeof(*s));
	const char *slash = strrchr(rel, '/');
	const char *base = slash ? slash + 1 : rel;
	struct fm_split fm;
	size_t bad;

	s->path = arena_strdup(a, path);
	s->rel = arena_strdup(a, rel);
	s->dir = slash ? arena_strndup(a, rel, (size_t)(slash - rel)) : "";
	s->stem = arena_strndup(a, base, strlen(base) - 3);
	s->is_index = !strcmp(s->stem, "_index");

	if (!text_valid_utf8(src, len, &bad)) {
		int line, col;
		text_position(src, bad, &line, &col);
		diag_error(d, s->path, line, col, "invalid UTF-8; save the file as UTF-8");
		return NULL;
	}
	if (memchr(src, '\0', len)) {
		int line, col;
		text_position(src, (size_t)((const char *)memchr(src, '\0', len) - src), &line, &col);
		diag_error(d, s->path, line, col, "NUL byte in a text file");
		return NULL;
	}

	switch (fm_split(src, len, &fm)) {
	case FM_NONE:
		diag_error(d, s->path, 1, 1,
			   "missing front matter; start the file with a '---' line, 'title: ...', and another '---' line");
		return NULL;
	case FM_UNCLOSED:
		diag_error(d, s->path, fm.yaml_line - 1, 1,
			   "front matter is not closed; add a '---' line after it");
		return NULL;
	case FM_OK:
		break;
	}
	s->fm = yaml_parse(a, s->path, src + fm.yaml_off, fm.yaml_len, fm.yaml_line - 1, d);
	if (!s->fm)
		return NULL;
	if (s->fm->kind == VAL_NULL) {
		s->fm = value_map(a);
	} else if (s->fm->kind != VAL_MAP) {
		diag_error(d, s->path, fm.yaml_line, 1,
			   "front matter should be 'key: value' lines, starting with 'title:'");
		return NULL;
	}
	read_front_matter(a, cfg, s, d);
	s->body = keep_body ? arena_strndup(a, src + fm.body_off, fm.body_len) : NULL;
	s->body_len = fm.body_len;
	s->body_line = fm.body_line;
	s->head = arena_strndup(a, src, fm.body_off);
	s->head_len = fm.body_off;
	return s;
}

struct source *source_parse(struct arena *a, const struct config *cfg,
			    const char *path, const char *rel, const char *src,
			    size_t len, struct diags *d)
{
	return parse(a, true, cfg, path, rel, src, len, d);
}

const char *source_body_now(struct arena *a, const char *site_dir, const struct source *s,
			    size_t *body_len)
{
	struct diags quiet = DIAGS_INIT;
	size_t len, bad;
	char *src = fs_read(path_join(a, site_dir, s->path), s->path, &len, &quiet);
	struct fm_split fm;
	const char *body = NULL;

	diags_free(&quiet);
	if (!src)
		return NULL;
	if (text_valid_utf8(src, len, &bad) && !memchr(src, '\0', len) &&
	    fm_split(src, len, &fm) == FM_OK && fm.body_off == s->head_len &&
	    !memcmp(src, s->head, s->head_len) && fm.body_off + fm.body_len <= len) {
		body = arena_strndup(a, src + fm.body_off, fm.body_len);
		*body_len = fm.body_len;
	}
	free(src);
	return body;
}

bool source_reload_body(struct arena *a, const char *site_dir, struct source *s)
{
	size_t len;
	const char *body = source_body_now(a, site_dir, s, &len);

	if (!body)
		return false;
	s->body = body;
	s->body_len = len;
	return true;
}

struct walker {
	struct arena *a;
	const struct config *cfg;
	bool drafts;
	struct sources *out;
	size_t cap, cap_drafts;
	struct diags *d;
};

static void add_source(struct walker *w, struct source *s)
{
	if (w->out->n == w->cap) {
		w->cap = w->cap ? w->cap * 2 : 64;
		struct source **v = arena_alloc(w->a, w->cap * sizeof(*v));
		if (w->out->n)
			memcpy(v, w->out->v, w->out->n * sizeof(*v));
		w->out->v = v;
	}
	w->out->v[w->out->n++] = s;
}

/* Drafts left out are remembered by path, so a link to one can say so. */
static void add_draft(struct walker *w, const char *rel)
{
	struct sources *o = w->out;
	if (o->n_drafts == w->cap_drafts) {
		const char **v;
		w->cap_drafts = w->cap_drafts ? w->cap_drafts * 2 : 8;
		v = arena_alloc(w->a, w->cap_drafts * sizeof(*v));
		if (o->n_drafts)
			memcpy(v, o->drafts, o->n_drafts * sizeof(*v));
		o->drafts = v;
	}
	o->drafts[o->n_drafts++] = rel;
}

static void found(void *ctx, const struct walk_entry *e)
{
	struct walker *w = ctx;
	bool md = text_ends_with(e->name, ".md");
	const char *stem = arena_strndup(w->a, e->name, strlen(e->name) - (md ? 3 : 0));
	size_t len;
	char *src;
	struct source *s;

	/* names become URL segments, which become file names */
	if ((e->is_dir || md) && text_reserved_name(text_slug(w->a, stem, strlen(stem))))
		diag_error(w->d, e->shown, 0, 0,
			   "'%s' gives the URL segment '%s', a device name on Windows (CON, PRN, AUX, NUL, COM1, LPT1, ...); rename it",
			   e->name, text_slug(w->a, stem, strlen(stem)));
	if (e->is_dir || !md)
		return;
	src = fs_read(e->path, e->shown, &len, w->d);
	if (!src)
		return;
	/* the bodies, the bulk of the content, are read again as each page
	 * renders: a large site's memory stays small */
	s = parse(w->a, false, w->cfg, e->shown, e->rel, src, len, w->d);
	free(src);
	if (s && (!s->draft || w->drafts))
		add_source(w, s);
	else if (s)
		add_draft(w, s->rel);
}

static int source_cmp(const void *a, const void *b)
{
	return strcmp((*(struct source *const *)a)->rel, (*(struct source *const *)b)->rel);
}

void sources_load(struct arena *a, const char *site_dir, const struct config *cfg,
		  bool drafts, struct sources *out, struct diags *d)
{
	struct walker w = { .a = a, .cfg = cfg, .drafts = drafts, .out = out, .d = d };
	const char *content = path_join(a, site_dir, "content");

	out->v = NULL;
	out->n = 0;
	out->drafts = NULL;
	out->n_drafts = 0;
	if (fs_kind(content) != FS_DIR) {
		diag_error(d, "content", 0, 0, "no content folder; create content/_index.md");
		return;
	}
	walk_folder(&(struct walk){ .a = a, .d = d, .found = found, .ctx = &w, .skipped = "left out" },
		    content, "content");
	/* folders are walked in name order, but "a/x.md" sorts after
	 * "a-b.md": sort by path so lookups can bisect */
	if (out->n > 1)
		qsort(out->v, out->n, sizeof(*out->v), source_cmp);
}

bool sources_is_draft(const struct sources *srcs, const char *rel)
{
	for (size_t i = 0; i < srcs->n_drafts; i++)
		if (!strcmp(srcs->drafts[i], rel))
			return true;
	return false;
}
