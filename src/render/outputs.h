/*
 * outputs.h: the files a build makes.  Each file is handed over once,
 * finished.  It is written at once into the staging folder (when the
 * build writes; see emit/output.h), and what the link checks need of
 * an HTML file, its links and its ids, is taken from it as numbers in
 * a shared string table.  The file itself is not kept, so memory does
 * not grow with the size of the site's HTML.
 */
#ifndef SIGNPOST_OUTPUTS_H
#define SIGNPOST_OUTPUTS_H

#include "emit/output.h"
#include "util/buf.h"
#include "util/intern.h"

#include <pthread.h>
#include <stdatomic.h>

/* Of an HTML file: every href="…" and src="…" value, in document order,
 * and every id="…" value, sorted by number (a value used twice appears
 * twice), all with entities decoded, as numbers in outputs' strings. */
struct html_refs {
	const uint32_t *links;
	size_t n_links;
	const uint32_t *ids;
	size_t n_ids;
};

struct output_file {
	const char *path;       /* relative to the output folder (arena) */
	const char *lastmod;    /* YYYY-MM-DD for the sitemap, or NULL */
	bool in_sitemap;        /* an HTML page people should find */
	const struct html_refs *refs;  /* NULL unless the file is HTML */
	unsigned gen;           /* the update that last made it (see below) */
};

/* A file made by an update, kept until the update is known to be good. */
struct held_file {
	const char *path;
	char *data;             /* owned; NULL: remove the file */
	size_t len;
};

struct outputs {
	struct output_file *v;  /* in the order the renderers made them */
	size_t n, cap;
	struct output *writer;  /* the staging folder, or NULL: nothing is written */
	atomic_bool write_failed;
	/* shared by render threads, under lock */
	pthread_mutex_t lock;
	struct intern strings;  /* link and id values */
	struct arena a;         /* the refs */
	const char **sorted;    /* the paths, by outputs_check_unique */
	/*
	 * Serve's updates of a built site (outputs_begin_update): files
	 * are held, not written, and listing a path that is listed
	 * already replaces its entry.
	 */
	bool updating;
	unsigned gen;
	struct held_file *held;
	size_t n_held, cap_held;
};

/* writer may be NULL (`signpost check`, a build that does not write). */
void outputs_init(struct outputs *o, struct output *writer);
void outputs_free(struct outputs *o);

/*
 * Thread-safe: writes data[0..len) as path (when there is a writer and
 * no write has failed yet; a failure is a diagnostic in d) and returns
 * its refs when path is an HTML file, else NULL.  The caller keeps the
 * data and lists the file with outputs_list.
 */
const struct html_refs *outputs_store(struct outputs *o, const char *path, const char *data,
				      size_t len, struct diags *d);
/* Not thread-safe: lists a stored file.  Returns the entry, for setting
 * lastmod and in_sitemap (valid until the next file is listed). */
struct output_file *outputs_list(struct outputs *o, const char *path,
				 const struct html_refs *refs);
/* Both, for b's contents; b is emptied. */
struct output_file *outputs_put(struct outputs *o, const char *path, struct buf *b,
				struct diags *d);

/* Starts an update: files stored from now on are held, and a path
 * listed again replaces its entry. */
void outputs_begin_update(struct outputs *o);
/* Drops from the list the files under prefix that this update did not
 * make again; their removal is held too. */
void outputs_retire(struct outputs *o, const char *prefix);
/* Ends the update: writes (write) or drops every held file.  When
 * writing, files are replaced one by one in dir (the live site). */
bool outputs_end_update(struct outputs *o, bool write, const char *dir, struct diags *d);

/* Once every file is listed: reports two renderers that made the same
 * file (a page whose URL is also a generated page's, say) and indexes
 * the paths for outputs_has. */
void outputs_check_unique(struct outputs *o, struct diags *d);
/* True when some output is path (after outputs_check_unique). */
bool outputs_has(const struct outputs *o, const char *path);

#endif
