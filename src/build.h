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

#endif
