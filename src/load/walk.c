/*
 * walk.c: the folder walk shared by the loaders of pages, static files
 * and directory records.
 */
#include "load/walk.h"
#include "util/fs.h"
#include "util/limits.h"

static void walk(const struct walk *w, const char *dir, const char *rel, const char *shown,
		 int depth)
{
	struct fs_entry *e;
	long n = fs_list(w->a, dir, &e);

	if (n < 0) {
		diag_error(w->d, shown, 0, 0, "cannot read folder");
		return;
	}
	if (depth > LIMIT_DIR_DEPTH) {
		diag_error(w->d, shown, 0, 0, "folders nest more than %d deep", LIMIT_DIR_DEPTH);
		return;
	}
	for (long i = 0; i < n; i++) {
		struct walk_entry we = {
			.path = path_join(w->a, dir, e[i].name),
			.rel = path_join(w->a, rel, e[i].name),
			.shown = path_join(w->a, shown, e[i].name),
			.name = e[i].name,
			.is_dir = e[i].kind == FS_DIR,
		};

		if (e[i].kind != FS_DIR && e[i].kind != FS_FILE) {
			diag_warning(w->d, we.shown, 0, 0,
				     "not a regular file or folder (a symbolic link?); %s", w->skipped);
			continue;
		}
		w->found(w->ctx, &we);
		if (we.is_dir)
			walk(w, we.path, we.rel, we.shown, depth + 1);
	}
}

void walk_folder(const struct walk *w, const char *dir, const char *shown)
{
	walk(w, dir, "", shown, 0);
}
