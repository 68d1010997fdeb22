/*
 * assets.c: walking static folders in sorted order.
 */
#include "load/assets.h"
#include "util/fs.h"
#include "util/limits.h"
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

static void walk(struct lister *l, const char *dir, const char *rel, const char *shown,
		 int depth)
{
	struct fs_entry *e;
	long n = fs_list(l->a, dir, &e);

	if (n < 0) {
		diag_error(l->d, shown, 0, 0, "cannot read folder");
		return;
	}
	if (depth > LIMIT_DIR_DEPTH) {
		diag_error(l->d, shown, 0, 0, "folders nest more than %d deep", LIMIT_DIR_DEPTH);
		return;
	}
	for (long i = 0; i < n; i++) {
		const char *full = path_join(l->a, dir, e[i].name);
		const char *child = path_join(l->a, rel, e[i].name);
		const char *child_shown = path_join(l->a, shown, e[i].name);

		if (text_reserved_name(e[i].name))
			diag_error(l->d, child_shown, 0, 0,
				   "'%s' is a device name on Windows (CON, PRN, AUX, NUL, COM1, LPT1, ...), even with an extension; rename it",
				   e[i].name);
		if (e[i].kind == FS_DIR) {
			walk(l, full, child, child_shown, depth + 1);
		} else if (e[i].kind == FS_FILE) {
			if (l->n == l->cap) {
				l->cap = l->cap ? l->cap * 2 : 32;
				l->v = xrealloc(l->v, l->cap * sizeof(*l->v));
			}
			l->v[l->n] = (struct item){ { child, full, child_shown }, l->n };
			l->n++;
		} else {
			diag_warning(l->d, child_shown, 0, 0,
				     "not a regular file or folder (a symbolic link?); not published");
		}
	}
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
	size_t k = 0;

	for (size_t i = 0; i < n; i++)
		if (fs_kind(dirs[i]) == FS_DIR)
			walk(&l, dirs[i], "", shown[i], 0);
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
