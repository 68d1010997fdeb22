/*
 * assets.c: walking static folders in sorted order.
 */
#include "load/assets.h"
#include "load/walk.h"
#include "util/fs.h"
#include "util/text.h"

struct item {
	struct asset asset;
	size_t seq;            /* walk order: later folders win */
};

struct lister {
	struct arena *a;
	struct item *v;
	size_t n, cap;
	struct diags *d;
};

static void found(void *ctx, const struct walk_entry *e)
{
	struct lister *l = ctx;

	if (text_reserved_name(e->name))
		diag_error(l->d, e->shown, 0, 0,
			   "'%s' is a device name on Windows (CON, PRN, AUX, NUL, COM1, LPT1, ...), even with an extension; rename it",
			   e->name);
	if (e->is_dir)
		return;
	if (l->n == l->cap) {
		l->cap = l->cap ? l->cap * 2 : 32;
		l->v = xrealloc(l->v, l->cap * sizeof(*l->v));
	}
	l->v[l->n] = (struct item){ { e->rel, e->path, e->shown }, l->n };
	l->n++;
}

static int item_cmp(const void *pa, const void *pb)
{
	const struct item *a = pa, *b = pb;
	int c = strcmp(a->asset.rel, b->asset.rel);
	/* equal names: the later folder's file sorts last, and wins */
	return c ? c : a->seq < b->seq ? -1 : a->seq > b->seq;
}

void assets_load(struct arena *a, const char *const *dirs, const char *const *shown,
		 size_t n, struct assets *out, struct diags *d)
{
	struct lister l = { .a = a, .d = d };
	struct walk w = { .a = a, .d = d, .found = found, .ctx = &l, .skipped = "not published" };
	size_t k = 0;

	for (size_t i = 0; i < n; i++)
		if (fs_kind(dirs[i]) == FS_DIR)
			walk_folder(&w, dirs[i], shown[i]);
	if (l.n > 1)
		qsort(l.v, l.n, sizeof(*l.v), item_cmp);
	out->v = arena_alloc(a, (l.n ? l.n : 1) * sizeof(*out->v));
	for (size_t i = 0; i < l.n; i++) {
		if (i + 1 < l.n && !strcmp(l.v[i].asset.rel, l.v[i + 1].asset.rel))
			continue;
		out->v[k++] = l.v[i].asset;
	}
	out->n = k;
	free(l.v);
}

const struct asset *assets_find(const struct assets *as, const char *rel)
{
	size_t lo = 0, hi = as->n;
	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;
		int c = strcmp(as->v[mid].rel, rel);
		if (!c)
			return &as->v[mid];
		if (c < 0)
			lo = mid + 1;
		else
			hi = mid;
	}
	return NULL;
}
