/*
 * config.h: config.yaml, the site's settings and its guides.
 */
#ifndef SIGNPOST_CONFIG_H
#define SIGNPOST_CONFIG_H

#include "util/diag.h"
#include "util/value.h"

/* One audience guide: a folder of content/ with its own navigation. */
struct guide {
	const char *id;           /* e.g. "adopters": names the guide in config and templates */
	const char *title;
	const char *folder;       /* folder under content/ and URL segment; defaults to id */
	const char *description;  /* one line for the home page */
	const char *style;        /* "standard" or "child" */
	long reading_level;       /* highest Flesch-Kincaid grade; 0 when unset */
	bool quick_exit;          /* show the "Leave this site" control */
	const struct value *required_topics; /* list of strings, or NULL */
	const struct value *raw;  /* the guide's mapping, for templates */
	int line, col;
};

/* One "Get help now" contact: the duty line, out-of-hours, 999. */
struct help_contact {
	const char *title;
	const char *phone, *text, *email, *url, *hours, *description; /* or NULL */
	const struct value *guides;  /* guide ids it shows on; NULL: every page */
	struct value *raw;           /* the mapping, for templates */
	int line, col;
};

struct config {
	const char *file;         /* as shown in diagnostics: "config.yaml" */
	const char *title;
	const char *base_url;     /* always ends in '/' */
	const char *language;
	const char *output;       /* folder, relative to the site */
	const char *theme;
	bool markdown_unsafe;     /* raw HTML allowed in Markdown */
	struct guide *guides;
	size_t n_guides;
	struct help_contact *help;
	size_t n_help;
	struct value *params;     /* a map, possibly empty */
	struct value *raw;        /* the whole file */
};

/*
 * Arena: loads site_dir/config.yaml into cfg.  Every problem becomes a
 * diagnostic; returns false when the config cannot be used at all.
 */
bool config_load(struct arena *a, const char *site_dir, struct config *cfg,
		 struct diags *d);

/* Borrowed: the guide whose folder is folder, or NULL. */
const struct guide *config_guide_by_folder(const struct config *cfg, const char *folder);

#endif
