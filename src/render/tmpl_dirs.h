/*
 * tmpl_dirs.h: a template loader over an ordered list of folders:
 * NAME is DIR/NAME.mustache in the first folder that has it.  Each name
 * is read and parsed once; a miss is remembered too.  Everything lives
 * in the arena given to tmpl_dirs_init(), so there is nothing to free.
 */
#ifndef SIGNPOST_TMPL_DIRS_H
#define SIGNPOST_TMPL_DIRS_H

#include "render/mustache.h"

struct tmpl_dirs_entry;

struct tmpl_dirs {
	struct arena *a;                  /* borrowed */
	const char **dirs;                /* arena, in lookup order */
	const char **shown;               /* arena: the same, as named in diagnostics */
	size_t ndirs, cap;
	struct tmpl_dirs_entry *cache;    /* arena */
	struct tmpl_loader loader;        /* load() is tmpl_dirs_load() */
};

void tmpl_dirs_init(struct tmpl_dirs *td, struct arena *a);
/* Appends dir (copied) to the folders searched.  "" means the current
 * folder, and names the files without a folder in diagnostics. */
void tmpl_dirs_add(struct tmpl_dirs *td, const char *dir);
/* As tmpl_dirs_add(), but files are named SHOWN/NAME.mustache in
 * diagnostics (a site's "layouts" rather than "/srv/site/layouts"). */
void tmpl_dirs_add_as(struct tmpl_dirs *td, const char *dir, const char *shown);

/*
 * Borrowed (arena): the template called name, or NULL when no folder has
 * it or it cannot be used (unreadable, larger than LIMIT_FILE_SIZE, a
 * syntax error: each with a diagnostic at the file, named as
 * DIR/NAME.mustache with DIR as given, or as shown).  Names with '..' or empty parts,
 * a leading '/', a backslash, or too long for a path are refused with a
 * diagnostic and count as missing.
 */
const struct tmpl *tmpl_dirs_load(struct tmpl_dirs *td, const char *name, struct diags *d);

/* Borrowed: the loader for tmpl_render(), valid as long as td. */
const struct tmpl_loader *tmpl_dirs_loader(struct tmpl_dirs *td);

#endif
