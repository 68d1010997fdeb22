/*
 * watch.h: telling the development server that the site changed.  One
 * inotify instance watches the site folder (for config.yaml and the
 * other YAML files at its top, and for the folders below appearing)
 * and, recursively, content/, layouts/, static/ and themes/.  Folders
 * created later are added as they appear.  Editor droppings (dot-files,
 * "~" backups, swap files) are not changes.
 */
#ifndef SIGNPOST_SERVE_WATCH_H
#define SIGNPOST_SERVE_WATCH_H

#include "util/common.h"

/* Most folders watched; past it a warning is printed once and changes
 * in the folders left out are not seen. */
#define WATCH_MAX_DIRS 16384

struct watch;

/* Owned (free with watch_close()): a watcher on site_dir, or NULL
 * (errno) when inotify cannot be used. */
struct watch *watch_open(const char *site_dir);
/* The file descriptor to poll for POLLIN. */
int watch_fd(const struct watch *w);
/*
 * Reads every pending event without blocking.  Returns true when one
 * of them is a change to the site; *changed (owned by the watch, valid
 * until the next call) is then the path of the first changed file,
 * relative to the site folder, and *one says whether every change read
 * was to that one file (not a folder, not several files).
 */
bool watch_read(struct watch *w, const char **changed, bool *one);
void watch_close(struct watch *w);

/* True when a file called name is an editor's temporary file, not part
 * of the site. */
bool watch_ignored_name(const char *name);

#endif
