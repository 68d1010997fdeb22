/*
 * build.h: the pipeline, stage by stage: load, link, render, write.
 */
#ifndef SIGNPOST_BUILD_H
#define SIGNPOST_BUILD_H

#include "util/diag.h"

struct build_opts {
	const char *site_dir;     /* "." by default */
	const char *out_dir;      /* NULL: config's output, relative to site_dir */
	const char *base_url;     /* NULL: config's base_url */
	bool drafts;
	bool strict;              /* warnings fail the build */
	bool quiet;
	bool write;               /* false: check only, write nothing */
	bool external;            /* check: fetch external links too */
	int jobs;
	enum diag_format format;
	/* non-NULL: the run's diagnostics, sorted, are moved here after
	 * printing (serve shows them in the browser); the caller frees
	 * them with diags_free() */
	struct diags *keep_diags;
};

/* Runs the pipeline; prints diagnostics; returns the exit status
 * (0 success, 1 the site has errors). */
int build_run(const struct build_opts *opts);

/*
 * For serve: a build whose site model stays in memory, so that a later
 * change to one page's body re-renders that page and what shows it
 * (its guide's print page, the news feed, the search index) instead of
 * the whole site.  Any other change builds everything again, as does
 * any change after a build that was not clean.  opts must outlive the
 * session (it is copied, but its strings are not); write is implied.
 */
struct build_session;
/* Builds; *status as build_run's. */
struct build_session *build_session_open(const struct build_opts *opts, int *status);
/* After a change to the file changed (relative to the site folder;
 * NULL when several files or an unknown set changed): updates or
 * rebuilds, and says which in *partial.  Returns the exit status. */
int build_session_update(struct build_session *s, const char *changed, bool *partial);
void build_session_close(struct build_session *s);

#endif
