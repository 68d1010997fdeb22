/*
 * new.h: `signpost new`: a working site to start from, and single
 * files (a page, a service, an event) with every field filled with a
 * placeholder and a comment saying what it is for.  Nothing is ever
 * overwritten: each file is created with O_EXCL.
 *
 * Each function prints what it made, or one line saying why it made
 * nothing, and returns the exit status (0, or 1 for a refusal).
 */
#ifndef SIGNPOST_NEW_H
#define SIGNPOST_NEW_H

#include "util/common.h"

/* A site in dir, which must be missing or empty: config.yaml with the
 * four guides, a home page, a landing page and a starter page per
 * guide, an about section (accessibility, privacy, complaints,
 * contact), one organisation and one service in the directory, and
 * one event.  It uses the default theme by reference. */
int new_site(const char *dir);

/* content/GUIDE/NAME.md in the site at site_dir; spec is "GUIDE/NAME"
 * (NAME may have folders of its own, and may end in ".md").  The
 * guide's folder must exist. */
int new_page(const char *site_dir, const char *spec);

/* content/directory/services/ID.yaml and content/events/ID.yaml.  The
 * placeholders use the site's first organisation and the first term of
 * each vocabulary of its taxonomy, so the new file builds at once. */
int new_service(const char *site_dir, const char *id);
int new_event(const char *site_dir, const char *id);

/* The parts of new that tests reach directly. */

/* True when s is a name we accept for a file we create: lower-case
 * ASCII letters, digits and single hyphens, not starting or ending
 * with a hyphen, at most 80 bytes. */
bool new_name_ok(const char *s);
/* Owned: "some-title" as "Some title". */
char *new_title_from_name(const char *name);
/* Owned: tmpl with each "{KEY}" of keys[i] replaced by vals[i]; other
 * braces are copied as they are. */
char *new_expand(const char *tmpl, const char *const *keys, const char *const *vals, size_t n);

#endif
