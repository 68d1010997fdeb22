/*
 * outputs.c: handing finished files to the staging folder, and the
 * scan of an HTML file for its links and ids.
 */
#include "render/outputs.h"
#include "util/text.h"

static bool is_html(const char *path)
{
	return text_ends_with(path, ".html");
}

void outputs_init(struct outputs *o, struct output *writer)
{
	memset(o, 0, sizeof(*o));
	o->writer = writer;
	atomic_init(&o->write_failed, false);
	pthread_mutex_init(&o->lock, NULL);
	intern_init(&o->strings);
	arena_init(&o->a);
}

static void drop_held(struct outputs *o)
{
	for (size_t i = 0; i < o->n_held; i++)
		free(o->held[i].data);
	free(o->held);
	o->held = NULL;
	o->n_held = o->cap_held = 0;
}

void outputs_free(struct outputs *o)
{
	drop_held(o);
	free(o->v);
	free(o->sorted);
	intern_free(&o->strings);
	arena_free(&o->a);
	pthread_mutex_destroy(&o->lock);
	memset(o, 0, sizeof(*o));
}

/* An attribute value found in a file: a span of it. */
struct span {
	const char *s;
	size_t n;
	bool is_id;
};

struct spans {
	struct span *v;
	size_t n, cap;
};

static void spans_add(struct spans *sp, const char *s, size_t n, bool is_id)
{
	if (sp->n == sp->cap) {
		sp->cap = sp->cap ? sp->cap * 2 : 256;
		sp->v = xrealloc(sp->v, sp->cap * sizeof(*sp->v));
	}
	sp->v[sp->n++] = (struct span){ s, n, is_id };
}

/* Every href="…", src="…" and id="…" (after a space) of data. */
static void scan(const char *data, size_t len, struct spans *sp)
{
	const char *s = data, *end = data + len;

	/* memchr for '=' skips text far faster than memmem for '="' */
	for (; (s = memchr(s, '=', (size_t)(end - s))); s++) {
		const char *v = s + 2, *q;
		size_t before = (size_t)(s - data);
		if (v > end || s[1] != '"')
			continue;
		q = memchr(v, '"', (size_t)(end - v));
		if (!q)
			break;
		if (before >= 5 && !memcmp(s - 5, " href", 5))
			spans_add(sp, v, (size_t)(q - v), false);
		else if (before >= 4 && !memcmp(s - 4, " src", 4))
			spans_add(sp, v, (size_t)(q - v), false);
		else if (before >= 3 && !memcmp(s - 3, " id", 3))
			spans_add(sp, v, (size_t)(q - v), true);
		s = q;
	}
}

/* The number of the value s[0..n) with the entities our escaping
 * writes decoded.  Under o->lock. */
static uint32_t intern_value(struct outputs *o, const char *s, size_t n, struct buf *tmp)
{
	static const struct { const char *ent; size_t n; char c; } ents[] = {
		{ "&amp;", 5, '&' }, { "&quot;", 6, '"' }, { "&#39;", 5, '\'' },
		{ "&lt;", 4, '<' }, { "&gt;", 4, '>' },
	};
	const char *end = s + n;

	if (!memchr(s, '&', n))
		return intern_add(&o->strings, s, n);
	buf_reset(tmp);
	while (s < end) {
		size_t k;
		for (k = 0; k < ARRAY_LEN(ents); k++)
			if ((size_t)(end - s) >= ents[k].n && !memcmp(s, ents[k].ent, ents[k].n))
				break;
		if (k < ARRAY_LEN(ents)) {
			buf_addc(tmp, ents[k].c);
			s += ents[k].n;
		} else {
			buf_addc(tmp, *s++);
		}
	}
	return intern_add(&o->strings, tmp->data ? tmp->data : "", tmp->len);
}

static int num_cmp(const void *a, const void *b)
{
	uint32_t x = *(const uint32_t *)a, y = *(const uint32_t *)b;
	return x < y ? -1 : x > y;
}

static const struct html_refs *take_refs(struct outputs *o, const char *data, size_t len)
{
	struct spans sp = { 0 };
	struct buf tmp = BUF_INIT;
	struct html_refs *r;
	uint32_t *links, *ids;
	size_t n_links = 0, n_ids = 0;

	scan(data, len, &sp);
	for (size_t i = 0; i < sp.n; i++)
		n_ids += sp.v[i].is_id;
	n_links = sp.n - n_ids;
	pthread_mutex_lock(&o->lock);
	r = arena_alloc(&o->a, sizeof(*r));
	links = arena_alloc(&o->a, (n_links ? n_links : 1) * sizeof(*links));
	ids = arena_alloc(&o->a, (n_ids ? n_ids : 1) * sizeof(*ids));
	r->links = links;
	r->ids = ids;
	for (size_t i = 0; i < sp.n; i++) {
		uint32_t k = intern_value(o, sp.v[i].s, sp.v[i].n, &tmp);
		if (sp.v[i].is_id)
			ids[r->n_ids++] = k;
		else
			links[r->n_links++] = k;
	}
	pthread_mutex_unlock(&o->lock);
	qsort(ids, r->n_ids, sizeof(*ids), num_cmp);
	buf_free(&tmp);
	free(sp.v);
	return r;
}

static void hold(struct outputs *o, const char *path, const char *data, size_t len)
{
	char *copy = NULL;

	if (data) {
		copy = xmalloc(len + 1);
		memcpy(copy, data, len);
		copy[len] = '\0';
	}
	pthread_mutex_lock(&o->lock);
	if (o->n_held == o->cap_held) {
		o->cap_held = o->cap_held ? o->cap_held * 2 : 16;
		o->held = xrealloc(o->held, o->cap_held * sizeof(*o->held));
	}
	o->held[o->n_held++] = (struct held_file){ path, copy, len };
	pthread_mutex_unlock(&o->lock);
}

const struct html_refs *outputs_store(struct outputs *o, const char *path, const char *data,
				      size_t len, struct diags *d)
{
	if (o->updating)
		hold(o, path, data, len);
	else if (o->writer && !atomic_load(&o->write_failed) &&
	    !output_write(o->writer, path, data, len, d))
		atomic_store(&o->write_failed, true);
	return is_html(path) ? take_refs(o, data, len) : NULL;
}

struct output_file *outputs_list(struct outputs *o, const char *path,
				 const struct html_refs *refs)
{
	struct output_file *f;

	if (o->updating) {
		for (size_t i = 0; i < o->n; i++) {
			if (!strcmp(o->v[i].path, path)) {
				o->v[i].refs = refs;
				o->v[i].gen = o->gen;
				return &o->v[i];
			}
		}
	}
	if (o->n == o->cap) {
		o->cap = o->cap ? o->cap * 2 : 64;
		o->v = xrealloc(o->v, o->cap * sizeof(*o->v));
	}
	f = &o->v[o->n++];
	*f = (struct output_file){
		.path = path,
		.in_sitemap = is_html(path) && strcmp(path, "404.html"),
		.refs = refs,
		.gen = o->gen,
	};
	return f;
}

struct output_file *outputs_put(struct outputs *o, const char *path, struct buf *b,
				struct diags *d)
{
	const struct html_refs *refs = outputs_store(o, path, b->data ? b->data : "", b->len, d);
	buf_free(b);
	return outputs_list(o, path, refs);
}

static int path_cmp(const void *a, const void *b)
{
	return strcmp(*(const char *const *)a, *(const char *const *)b);
}

void outputs_check_unique(struct outputs *o, struct diags *d)
{
	free(o->sorted);
	o->sorted = xcalloc(o->n ? o->n : 1, sizeof(*o->sorted));
	for (size_t i = 0; i < o->n; i++)
		o->sorted[i] = o->v[i].path;
	qsort(o->sorted, o->n, sizeof(*o->sorted), path_cmp);
	for (size_t i = 1; i < o->n; i++)
		if (!strcmp(o->sorted[i], o->sorted[i - 1]) &&
		    (i < 2 || strcmp(o->sorted[i], o->sorted[i - 2])))
			diag_error(d, "content", 0, 0,
				   "two things want to be /%s; rename a page or change its slug",
				   o->sorted[i]);
}

bool outputs_has(const struct outputs *o, const char *path)
{
	if (!o->sorted)
		BUG("outputs_has before outputs_check_unique");
	return bsearch(&path, o->sorted, o->n, sizeof(*o->sorted), path_cmp) != NULL;
}

void outputs_begin_update(struct outputs *o)
{
	o->updating = true;
	o->gen++;
}

void outputs_retire(struct outputs *o, const char *prefix)
{
	size_t n = strlen(prefix), kept = 0;

	for (size_t i = 0; i < o->n; i++) {
		if (o->v[i].gen != o->gen && !strncmp(o->v[i].path, prefix, n))
			hold(o, o->v[i].path, NULL, 0);
		else
			o->v[kept++] = o->v[i];
	}
	o->n = kept;
}

bool outputs_end_update(struct outputs *o, bool write, const char *dir, struct diags *d)
{
	bool ok = true;

	for (size_t i = 0; write && ok && i < o->n_held; i++)
		ok = output_replace(dir, o->held[i].path, o->held[i].data, o->held[i].len, d);
	drop_held(o);
	o->updating = false;
	return ok;
}
