/*
 * walk.h: walking a folder of the site the way every loader does, in
 * name order: a folder that cannot be read, or that nests deeper than
 * LIMIT_DIR_DEPTH, is an error; anything that is neither a file nor a
 * folder (a symbolic link, say) is a warning and is left out.  Each
 * file and folder found goes to the caller's function; folders are
 * entered after it.
 */
#ifndef SIGNPOST_WALK_H
#define SIGNPOST_WALK_H

#include "util/diag.h"
#include "util/arena.h"

struct walk_entry {
	const char *path;      /* to open (arena) */
	const char *rel;       /* from the walk's folder, "a/b.md" (arena) */
	const char *shown;     /* as diagnostics name it (arena) */
	const char *name;      /* the last segment */
	bool is_dir;
};

struct walk {
	struct arena *a;
	struct diags *d;
	void (*found)(void *ctx, const struct walk_entry *e);
	void *ctx;
	/* what happens to what is neither file nor folder, for the warning:
	 * "left out", "not published" */
	const char *skipped;
};

/* Walks dir, named shown in diagnostics. */
void walk_folder(const struct walk *w, const char *dir, const char *shown);

#endif
