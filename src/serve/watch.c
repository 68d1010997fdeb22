/*
 * watch.c: recursive inotify watches over the parts of a site that a
 * build reads.  Each watch descriptor maps to the folder's path
 * relative to the site ("" for the site folder itself), so a change can
 * be named the way diagnostics name files.
 */
#include "serve/watch.h"
#include "util/buf.h"
#include "util/fs.h"
#include "util/limits.h"

#include <errno.h>
#include <sys/inotify.h>
#include <unistd.h>

/* The folders at the top of a site that a build reads. */
static const char *const watched_dirs[] = { "content", "layouts", "static", "themes" };

#define DIR_MASK (IN_CREATE | IN_DELETE | IN_MOVED_FROM | IN_MOVED_TO | IN_CLOSE_WRITE | \
		  IN_MODIFY | IN_ATTRIB | IN_DELETE_SELF | IN_ONLYDIR | IN_DONT_FOLLOW | \
		  IN_EXCL_UNLINK)
#define ROOT_MASK (IN_CREATE | IN_DELETE | IN_MOVED_FROM | IN_MOVED_TO | IN_CLOSE_WRITE | \
		   IN_MODIFY | IN_ONLYDIR | IN_EXCL_UNLINK)

struct watch {
	int fd;
	char *site_dir;           /* owned */
	char **paths;             /* owned; indexed by watch descriptor, NULL when free */
	size_t n_paths;           /* length of paths */
	size_t n_dirs;            /* watches in use */
	bool warned;              /* the WATCH_MAX_DIRS warning was printed */
	struct buf changed;
	bool several;            /* this read saw changes to more than one path */
};

bool watch_ignored_name(const char *name)
{
	size_t n = strlen(name);

	if (n == 0 || name[0] == '.' || name[0] == '#' || name[n - 1] == '~')
		return true;
	if (!strcmp(name, "4913"))   /* vim's test of whether it may write */
		return true;
	if (n > 4 && (!strcmp(name + n - 4, ".swp") || !strcmp(name + n - 4, ".swx") ||
		      !strcmp(name + n - 4, ".swo") || !strcmp(name + n - 4, ".tmp")))
		return true;
	return false;
}

static bool is_watched_top(const char *name, bool is_dir)
{
	size_t n = strlen(name);

	if (is_dir) {
		for (size_t i = 0; i < ARRAY_LEN(watched_dirs); i++)
			if (!strcmp(name, watched_dirs[i]))
				return true;
		return false;
	}
	return (n > 5 && !strcmp(name + n - 5, ".yaml")) || (n > 4 && !strcmp(name + n - 4, ".yml"));
}

static void remember(struct watch *w, int wd, const char *rel)
{
	size_t i = (size_t)wd;

	if (i >= w->n_paths) {
		size_t n = w->n_paths ? w->n_paths : 64;
		while (n <= i)
			n *= 2;
		w->paths = xrealloc(w->paths, n * sizeof(*w->paths));
		memset(w->paths + w->n_paths, 0, (n - w->n_paths) * sizeof(*w->paths));
		w->n_paths = n;
	}
	if (w->paths[i]) {          /* the same folder reached twice */
		free(w->paths[i]);
		w->n_dirs--;
	}
	w->paths[i] = xstrdup(rel);
	w->n_dirs++;
}

static void forget(struct watch *w, int wd)
{
	if (wd >= 0 && (size_t)wd < w->n_paths && w->paths[wd]) {
		free(w->paths[wd]);
		w->paths[wd] = NULL;
		w->n_dirs--;
	}
}

/* Watches the folder rel and every folder under it, not following
 * symbolic links (fs_list calls a link FS_OTHER). */
static void add_tree(struct watch *w, struct arena *a, const char *rel, int depth)
{
	const char *full = *rel ? path_join(a, w->site_dir, rel) : w->site_dir;
	struct fs_entry *e;
	long n;
	int wd;

	if (depth > LIMIT_DIR_DEPTH)
		return;
	if (w->n_dirs >= WATCH_MAX_DIRS) {
		if (!w->warned)
			fprintf(stderr, "signpost serve: more than %d folders; changes under '%s' and later folders are not watched\n",
				WATCH_MAX_DIRS, rel);
		w->warned = true;
		return;
	}
	wd = inotify_add_watch(w->fd, full, DIR_MASK);
	if (wd < 0) {
		if (errno == ENOSPC && !w->warned) {
			fprintf(stderr, "signpost serve: the system limit on inotify watches is reached; changes under '%s' are not seen "
				"(raise fs.inotify.max_user_watches)\n", rel);
			w->warned = true;
		}
		return;
	}
	remember(w, wd, rel);
	n = fs_list(a, full, &e);
	for (long i = 0; i < n; i++)
		if (e[i].kind == FS_DIR)
			add_tree(w, a, path_join(a, rel, e[i].name), depth + 1);
}

static void add_all(struct watch *w)
{
	struct arena a;
	int wd = inotify_add_watch(w->fd, w->site_dir, ROOT_MASK);

	if (wd >= 0)
		remember(w, wd, "");
	arena_init(&a);
	for (size_t i = 0; i < ARRAY_LEN(watched_dirs); i++)
		if (fs_kind(path_join(&a, w->site_dir, watched_dirs[i])) == FS_DIR)
			add_tree(w, &a, watched_dirs[i], 0);
	arena_free(&a);
}

/* After a queue overflow the watches may have missed new folders:
 * start again from the top. */
static void rewatch(struct watch *w)
{
	for (size_t i = 0; i < w->n_paths; i++) {
		if (w->paths[i]) {
			inotify_rm_watch(w->fd, (int)i);
			forget(w, (int)i);
		}
	}
	add_all(w);
}

/* A folder moved away keeps its watches: drop them and their paths. */
static void drop_tree(struct watch *w, const char *rel)
{
	size_t n = strlen(rel);

	for (size_t i = 0; i < w->n_paths; i++) {
		const char *p = w->paths[i];
		if (p && !strncmp(p, rel, n) && (p[n] == '\0' || p[n] == '/')) {
			inotify_rm_watch(w->fd, (int)i);
			forget(w, (int)i);
		}
	}
}

struct watch *watch_open(const char *site_dir)
{
	struct watch *w;
	int fd = inotify_init1(IN_NONBLOCK | IN_CLOEXEC);

	if (fd < 0)
		return NULL;
	w = xcalloc(1, sizeof(*w));
	w->fd = fd;
	w->site_dir = xstrdup(site_dir);
	add_all(w);
	return w;
}

int watch_fd(const struct watch *w)
{
	return w->fd;
}

/* Handles one event; true when it changes the site. */
static bool handle(struct watch *w, const struct inotify_event *ev)
{
	struct arena a;
	const char *dir, *rel;
	bool is_dir = ev->mask & IN_ISDIR;

	if (ev->mask & IN_Q_OVERFLOW) {
		rewatch(w);
		buf_reset(&w->changed);
		buf_adds(&w->changed, ".");
		w->several = true;
		return true;
	}
	if (ev->wd < 0 || (size_t)ev->wd >= w->n_paths || !w->paths[ev->wd])
		return false;
	dir = w->paths[ev->wd];
	if (ev->mask & IN_IGNORED) {
		forget(w, ev->wd);
		return false;
	}
	if (ev->mask & (IN_DELETE_SELF | IN_MOVE_SELF)) {
		w->several |= *dir != '\0';
		return *dir != '\0';
	}
	if (!ev->len || watch_ignored_name(ev->name))
		return false;
	if (!*dir && !is_watched_top(ev->name, is_dir))
		return false;
	/* a folder's own metadata changing is not a change to the site */
	if (is_dir && (ev->mask & (IN_ATTRIB | IN_MODIFY | IN_CLOSE_WRITE)))
		return false;

	arena_init(&a);
	rel = path_join(&a, dir, ev->name);
	if (is_dir && (ev->mask & (IN_CREATE | IN_MOVED_TO)))
		add_tree(w, &a, rel, 0);
	else if (is_dir && (ev->mask & IN_MOVED_FROM))
		drop_tree(w, rel);
	if (w->changed.len == 0)
		buf_adds(&w->changed, rel);
	else if (strcmp(buf_cstr(&w->changed), rel))
		w->several = true;
	w->several |= is_dir;
	arena_free(&a);
	return true;
}

bool watch_read(struct watch *w, const char **changed, bool *one)
{
	/* aligned as inotify(7) asks */
	char buf[16384] __attribute__((aligned(__alignof__(struct inotify_event))));
	bool any = false;

	buf_reset(&w->changed);
	w->several = false;
	for (;;) {
		ssize_t n = read(w->fd, buf, sizeof(buf));
		if (n < 0 && errno == EINTR)
			continue;
		if (n <= 0)
			break;
		for (char *p = buf; p < buf + n;) {
			const struct inotify_event *ev = (const struct inotify_event *)p;
			any |= handle(w, ev);
			p += sizeof(*ev) + ev->len;
		}
	}
	*changed = buf_cstr(&w->changed);
	*one = any && !w->several;
	return any;
}

void watch_close(struct watch *w)
{
	if (!w)
		return;
	close(w->fd);
	for (size_t i = 0; i < w->n_paths; i++)
		free(w->paths[i]);
	free(w->paths);
	free(w->site_dir);
	buf_free(&w->changed);
	free(w);
}
