/*
 * serve.h: `signpost serve`: build the site into a private folder,
 * serve it over HTTP, rebuild when a file of the site changes, and make
 * open pages reload themselves.
 */
#ifndef SIGNPOST_SERVE_H
#define SIGNPOST_SERVE_H

#include "util/common.h"

/* After the first change, a rebuild waits until nothing more has
 * changed for SERVE_QUIET_MS (an editor's save is a burst of events),
 * but never longer than SERVE_WAIT_MAX_MS. */
#define SERVE_QUIET_MS     20
#define SERVE_WAIT_MAX_MS  200

struct serve_opts {
	const char *site_dir;     /* "." by default */
	const char *bind;         /* an IPv4 or IPv6 address, checked */
	int port;                 /* 0: any free port */
	bool drafts;              /* show pages marked draft */
	int jobs;
};

/* Runs until SIGINT or SIGTERM; returns the exit status (0 after a
 * clean stop, 1 when the server could not start). */
int serve_run(const struct serve_opts *opts);

#endif
