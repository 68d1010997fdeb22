/*
 * templates.h: the texts `signpost new` writes (templates.c).
 */
#ifndef SIGNPOST_NEW_TEMPLATES_H
#define SIGNPOST_NEW_TEMPLATES_H

#include "util/common.h"

struct new_template {
	const char *path;     /* relative to the new site's folder */
	const char *text;
};

/* A working site, parents before children. */
extern const struct new_template new_site_files[];
extern const size_t new_site_n_files;

/* A page of a guide, a service of the directory, an event. */
extern const char new_page_text[];
extern const char new_service_text[];
extern const char new_event_text[];

#endif
