/*
 * source.h: the Markdown pages under content/, read, split and checked.
 * This stage knows files and front matter; URLs and navigation belong
 * to the site model (src/site/).
 */
#ifndef SIGNPOST_SOURCE_H
#define SIGNPOST_SOURCE_H

#include "load/config.h"

struct source {
	const char *path;         /* "content/adopters/x.md", as shown to people */
	const char *rel;          /* "adopters/x.md", relative to content/ */
	const char *dir;          /* "adopters", or "" at the top */
	const char *stem;         /* "x", or "_index" */
	bool is_index;            /* an _index.md: a section's landing page */
	struct value *fm;         /* the front matter mapping */
	const char *title;
	const char *description;  /* NULL when absent */
	const char *slug;         /* NULL when absent */
	const char *layout;       /* NULL when absent */
	const char *last_reviewed, *review_by;  /* YYYY-MM-DD or NULL */
	const char *date;         /* YYYY-MM-DD or NULL: a news post's date */
	long weight;
	long reading_level;       /* overrides the guide's target; 0 when unset */
	bool draft;
	const struct value *topics;   /* list of strings, or NULL */
	const struct value *aliases;  /* list of strings, or NULL */
	const struct value *services; /* a map: directory services to list, or NULL */
	struct value *params;     /* config params overlaid with the page's own */
	/* the body: kept by source_parse and source_reload_body; a loaded
	 * site reads it again when it renders (source_body_now) */
	const char *body;         /* arena, NUL-terminated, or NULL */
	size_t body_len;          /* when it was read */
	int body_line;            /* line of the file where body starts */
	/* the file up to its body (the front matter and its '---' lines),
	 * as read: a later edit that keeps it changes nothing but the body */
	const char *head;         /* arena */
	size_t head_len;
};

struct sources {
	struct source **v;        /* sorted by rel */
	size_t n;
	const char **drafts;      /* rel of each draft left out (arena) */
	size_t n_drafts;
};

/* True when rel names a draft that was left out of srcs. */
bool sources_is_draft(const struct sources *srcs, const char *rel);

/*
 * Arena: walks site_dir/content/ in sorted order and loads every .md
 * file.  Drafts are left out unless drafts is true.  Problems become
 * diagnostics; a page with errors in its front matter is still loaded
 * when it can be, so later stages can report their problems too.
 */
void sources_load(struct arena *a, const char *site_dir, const struct config *cfg,
		  bool drafts, struct sources *out, struct diags *d);

/* Arena: parses one page from memory (for tests and fuzzing).  NULL
 * when the file cannot be used at all. */
struct source *source_parse(struct arena *a, const struct config *cfg,
			    const char *path, const char *rel, const char *src,
			    size_t len, struct diags *d);

/*
 * For serve, after the file of s changed: when it still reads as valid
 * UTF-8 with the very same front matter, takes its new body (arena)
 * and returns true.  Returns false, changing nothing, when the file is
 * gone, unreadable or changed above its body: then the whole site must
 * be loaded again.
 */
bool source_reload_body(struct arena *a, const char *site_dir, struct source *s);

/* Arena: the body of s as its file holds it now, its length in
 * *body_len, on the same conditions (NULL when they fail).  For render
 * threads: it changes nothing shared. */
const char *source_body_now(struct arena *a, const char *site_dir, const struct source *s,
			    size_t *body_len);

#endif
