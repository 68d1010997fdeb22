/*
 * assets.h: the static files a site publishes as they are: the theme's
 * static/ folder, then the site's static/, whose files win.
 */
#ifndef SIGNPOST_ASSETS_H
#define SIGNPOST_ASSETS_H

#include "util/arena.h"
#include "util/diag.h"

struct asset {
	const char *rel;      /* path in the output, e.g. "css/signpost.css" */
	const char *path;     /* where to read it */
	const char *shown;    /* its name in diagnostics */
};

struct assets {
	struct asset *v;      /* sorted by rel, each rel once */
	size_t n;
};

/* Arena: lists the files under each folder of dirs[0..n) (later ones
 * win), shown[i] naming dirs[i] in diagnostics.  Missing folders are
 * fine; symbolic links and other special files are left out with a
 * warning. */
void assets_load(struct arena *a, const char *const *dirs, const char *const *shown,
		 size_t n, struct assets *out, struct diags *d);

/* Borrowed: the asset published at rel, or NULL. */
const struct asset *assets_find(const struct assets *as, const char *rel);

#endif
