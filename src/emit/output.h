/*
 * output.h: writing a site atomically.  A build writes into a staging
 * folder beside the output ("<out>.signpost-new"); on success the two
 * are exchanged with renameat2(RENAME_EXCHANGE) and the old site is
 * removed.  A failed or killed build leaves the previous site as it
 * was, and nothing of an old site survives a new one.  A lock file
 * beside the output ("<out>.signpost-lock", flock) makes a second build
 * on the same output fail clearly instead of racing.
 */
#ifndef SIGNPOST_OUTPUT_H
#define SIGNPOST_OUTPUT_H

#include "util/arena.h"
#include "util/diag.h"

#include <stdatomic.h>

struct output {
	struct arena *a;
	const char *final_dir;   /* the output folder as given */
	const char *stage_dir;
	int lock_fd;
	atomic_size_t files;     /* files written so far */
};

/* False, after a diagnostic, when out_dir is site_dir, holds it, or is
 * in its content/, layouts/, static/ or themes/: swapping the new site
 * in there would remove the site's own files.  Neither folder needs to
 * exist yet. */
bool output_outside_site(struct arena *a, const char *out_dir, const char *site_dir,
			 struct diags *d);
/* Takes the lock and prepares an empty staging folder. */
bool output_begin(struct output *o, struct arena *a, const char *out_dir,
		  struct diags *d);
/* Writes rel (a relative path with no '..' segment) in the staging
 * folder, creating its folders.  Thread-safe (d is the caller's). */
bool output_write(struct output *o, const char *rel, const void *data, size_t len,
		  struct diags *d);
/* Copies the file at from (named shown in diagnostics) to rel. */
bool output_copy(struct output *o, const char *from, const char *shown, const char *rel,
		 struct diags *d);
/* Swaps the staging folder in and removes the old site. */
bool output_commit(struct output *o, struct diags *d);
/* Removes the staging folder and releases the lock; safe after commit. */
void output_end(struct output *o);

/* For serve's updates of a built site: replaces the file rel in dir
 * (written beside it, then renamed over it), or removes it when data
 * is NULL.  False after a diagnostic. */
bool output_replace(const char *dir, const char *rel, const void *data, size_t len,
		    struct diags *d);

/* True when rel is a safe relative output path. */
bool output_path_ok(const char *rel);

#endif
