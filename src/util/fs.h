/*
 * fs.h: the thin layer between the program and the file system: reading
 * whole files with a size ceiling, writing, making and removing folders,
 * and sorted listings so every walk is deterministic.
 */
#ifndef SIGNPOST_FS_H
#define SIGNPOST_FS_H

#include "util/arena.h"
#include "util/diag.h"

/*
 * Owned (free with free()): the contents of path, NUL-terminated, length
 * in *len.  NULL after a diagnostic naming shown (the path as the user
 * sees it) when the file cannot be read, is a symbolic link (never
 * followed) or is larger than LIMIT_FILE_SIZE.
 */
char *fs_read(const char *path, const char *shown, size_t *len, struct diags *d);

/* Writes data to path, creating or truncating it.  0 or -1 (errno). */
int fs_write(const char *path, const void *data, size_t len);
/* Creates path and its missing parents.  0 or -1 (errno). */
int fs_mkdirs(const char *path);
/* Removes path and everything under it, without following links.
 * Missing is fine.  0 or -1 (errno). */
int fs_remove_tree(const char *path);
/* Copies a regular file.  0 or -1 (errno). */
int fs_copy(const char *from, const char *to);

enum fs_kind { FS_MISSING, FS_FILE, FS_DIR, FS_OTHER };
/* What path is, not following a final symbolic link (a link is FS_OTHER). */
enum fs_kind fs_kind(const char *path);

struct fs_entry {
	const char *name;      /* arena */
	enum fs_kind kind;
};

/* Arena: the entries of dir except dot-files, sorted bytewise by name.
 * Returns the count, or -1 (errno) when dir cannot be read. */
long fs_list(struct arena *a, const char *dir, struct fs_entry **out);

/* Arena: a/b, without doubling the slash. */
char *path_join(struct arena *a, const char *x, const char *y);

#endif
