/*
 * output.c: staging folder, lock and atomic swap.
 */
#include "emit/output.h"
#include "util/buf.h"
#include "util/fs.h"

#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <sys/file.h>
#include <sys/syscall.h>
#include <unistd.h>

#ifndef RENAME_EXCHANGE
#define RENAME_EXCHANGE (1 << 1)
#endif

static int exchange(const char *a, const char *b)
{
#ifdef SYS_renameat2
	return (int)syscall(SYS_renameat2, AT_FDCWD, a, AT_FDCWD, b, RENAME_EXCHANGE);
#else
	errno = ENOSYS;
	return -1;
#endif
}

static const char *strip_slashes(struct arena *a, const char *dir)
{
	size_t n = strlen(dir);
	while (n > 1 && dir[n - 1] == '/')
		n--;
	return arena_strndup(a, dir, n);
}

bool output_begin(struct output *o, struct arena *a, const char *out_dir,
		  struct diags *d)
{
	const char *lock, *old;

	memset(o, 0, sizeof(*o));
	atomic_init(&o->files, 0);
	o->a = a;
	o->lock_fd = -1;
	o->final_dir = strip_slashes(a, out_dir);
	o->stage_dir = arena_printf(a, "%s.signpost-new", o->final_dir);
	lock = arena_printf(a, "%s.signpost-lock", o->final_dir);

	/* the lock and the staging folder live beside the output */
	{
		const char *slash = strrchr(o->final_dir, '/');
		if (slash && slash != o->final_dir)
			fs_mkdirs(arena_strndup(a, o->final_dir, (size_t)(slash - o->final_dir)));
	}
	o->lock_fd = open(lock, O_RDWR | O_CREAT | O_CLOEXEC | O_NOFOLLOW, 0644);
	if (o->lock_fd < 0) {
		diag_error(d, o->final_dir, 0, 0, "cannot create lock file '%s': %s", lock,
			   strerror(errno));
		return false;
	}
	if (flock(o->lock_fd, LOCK_EX | LOCK_NB) < 0) {
		diag_error(d, o->final_dir, 0, 0,
			   "another build is writing this output folder; wait for it to finish");
		close(o->lock_fd);
		o->lock_fd = -1;
		return false;
	}
	/* a build killed between the two renames of the swap without
	 * RENAME_EXCHANGE (output_commit) left the previous site here */
	old = arena_printf(a, "%s.signpost-old", o->final_dir);
	if (fs_kind(o->final_dir) == FS_MISSING && fs_kind(old) == FS_DIR)
		rename(old, o->final_dir);
	/* a staging folder left by a killed build is garbage */
	if (fs_remove_tree(o->stage_dir) < 0 || fs_mkdirs(o->stage_dir) < 0) {
		diag_error(d, o->final_dir, 0, 0, "cannot prepare '%s': %s", o->stage_dir,
			   strerror(errno));
		return false;
	}
	return true;
}

/* Arena: path made absolute, with symbolic links resolved as far as it
 * exists and '.' and '..' resolved in the rest. */
static char *resolve(struct arena *a, const char *path)
{
	struct buf b = BUF_INIT;
	char *p = arena_strdup(a, path), *rest = "", *real, *out;
	const char *s;

	for (;;) {
		char *slash;
		if ((real = realpath(*p ? p : ".", NULL)))
			break;
		slash = strrchr(p, '/');
		rest = arena_printf(a, "/%s%s", slash ? slash + 1 : p, rest);
		if (!slash) {
			*p = '\0';
			continue;
		}
		*slash = '\0';
		if (slash == p && (real = xstrdup("/")))
			break;
	}
	/* the rest does not exist: no links in it, '..' is lexical */
	buf_adds(&b, strcmp(real, "/") ? real : "");
	free(real);
	for (s = rest; *s;) {
		size_t n;
		s += *s == '/';
		n = strcspn(s, "/");
		if (n == 2 && s[0] == '.' && s[1] == '.') {
			char *last = b.len ? memrchr(b.data, '/', b.len) : NULL;
			b.len = last ? (size_t)(last - b.data) : 0;
		} else if (n && !(n == 1 && s[0] == '.')) {
			buf_addc(&b, '/');
			buf_add(&b, s, n);
		}
		s += n;
	}
	out = arena_strdup(a, b.len ? buf_cstr(&b) : "/");
	buf_free(&b);
	return out;
}

/* True when path is dir or inside it (both resolved). */
static bool within(const char *path, const char *dir)
{
	size_t n = strlen(dir);
	if (!strcmp(dir, "/"))
		return true;
	return !strncmp(path, dir, n) && (path[n] == '\0' || path[n] == '/');
}

bool output_outside_site(struct arena *a, const char *out_dir, const char *site_dir,
			 struct diags *d)
{
	static const char *const own[] = { "content", "layouts", "static", "themes" };
	const char *out = resolve(a, out_dir), *site = resolve(a, site_dir);
	bool bad = within(site, out);

	for (size_t i = 0; i < ARRAY_LEN(own) && !bad; i++)
		bad = within(out, path_join(a, site, own[i]));
	if (bad)
		diag_error(d, out_dir, 0, 0,
			   "the output folder must not be the site's folder, hold it, or be inside its content/, layouts/, static/ or themes/: the new site would replace the site's own files");
	return !bad;
}

bool output_path_ok(const char *rel)
{
	const char *p = rel;
	if (!*rel || rel[0] == '/')
		return false;
	while (*p) {
		const char *slash = strchr(p, '/');
		size_t n = slash ? (size_t)(slash - p) : strlen(p);
		if (n == 0 || (n == 1 && p[0] == '.') || (n == 2 && p[0] == '.' && p[1] == '.'))
			return false;
		for (size_t i = 0; i < n; i++)
			if ((unsigned char)p[i] < 0x20 || p[i] == '\\')
				return false;
		p += n;
		if (*p == '/')
			p++;
	}
	return true;
}

bool output_write(struct output *o, const char *rel, const void *data, size_t len,
		  struct diags *d)
{
	char *path, *slash;
	bool ok = false;

	if (!output_path_ok(rel))
		BUG("unsafe output path '%s' reached the writer", rel);
	/* not the arena: render threads write too */
	if (asprintf(&path, "%s/%s", o->stage_dir, rel) < 0)
		BUG("out of memory");
	slash = strrchr(path, '/');
	*slash = '\0';
	if (fs_mkdirs(path) < 0) {
		diag_error(d, o->final_dir, 0, 0, "cannot create folder for '%s': %s", rel,
			   strerror(errno));
		goto out;
	}
	*slash = '/';
	if (fs_write(path, data, len) < 0) {
		diag_error(d, o->final_dir, 0, 0, "cannot write '%s': %s", rel, strerror(errno));
		goto out;
	}
	atomic_fetch_add(&o->files, 1);
	ok = true;
out:
	free(path);
	return ok;
}

bool output_replace(const char *dir, const char *rel, const void *data, size_t len,
		    struct diags *d)
{
	char *path, *tmp, *slash;
	bool ok = false;

	if (!output_path_ok(rel))
		BUG("unsafe output path '%s' reached the writer", rel);
	if (asprintf(&path, "%s/%s", dir, rel) < 0 || asprintf(&tmp, "%s.signpost-tmp", path) < 0)
		BUG("out of memory");
	if (!data) {
		ok = unlink(path) == 0 || errno == ENOENT;
		if (!ok)
			diag_error(d, dir, 0, 0, "cannot remove '%s': %s", rel, strerror(errno));
		goto out;
	}
	slash = strrchr(path, '/');
	*slash = '\0';
	if (fs_mkdirs(path) < 0) {
		diag_error(d, dir, 0, 0, "cannot create folder for '%s': %s", rel, strerror(errno));
		goto out;
	}
	*slash = '/';
	if (fs_write(tmp, data, len) < 0 || rename(tmp, path) < 0) {
		diag_error(d, dir, 0, 0, "cannot write '%s': %s", rel, strerror(errno));
		unlink(tmp);
		goto out;
	}
	ok = true;
out:
	free(tmp);
	free(path);
	return ok;
}

bool output_copy(struct output *o, const char *from, const char *shown, const char *rel,
		 struct diags *d)
{
	size_t len;
	char *data = fs_read(from, shown, &len, d);
	bool ok;

	if (!data)
		return false;
	ok = output_write(o, rel, data, len, d);
	free(data);
	return ok;
}

bool output_commit(struct output *o, struct diags *d)
{
	enum fs_kind k = fs_kind(o->final_dir);

	if (k == FS_MISSING) {
		if (rename(o->stage_dir, o->final_dir) < 0) {
			diag_error(d, o->final_dir, 0, 0, "cannot move the new site in place: %s",
				   strerror(errno));
			return false;
		}
		return true;
	}
	if (k != FS_DIR) {
		diag_error(d, o->final_dir, 0, 0, "output exists and is not a folder; not replacing it");
		return false;
	}
	if (exchange(o->stage_dir, o->final_dir) < 0) {
		/* no RENAME_EXCHANGE (old kernel or file system): two renames,
		 * with the old site kept until the new one is in place */
		const char *old = arena_printf(o->a, "%s.signpost-old", o->final_dir);
		fs_remove_tree(old);
		if (rename(o->final_dir, old) < 0 || rename(o->stage_dir, o->final_dir) < 0) {
			int e = errno;
			/* the previous site goes back where it was */
			if (fs_kind(o->final_dir) == FS_MISSING)
				rename(old, o->final_dir);
			diag_error(d, o->final_dir, 0, 0, "cannot swap the new site in: %s",
				   strerror(e));
			return false;
		}
		fs_remove_tree(old);
		return true;
	}
	/* the staging name now holds the previous site */
	fs_remove_tree(o->stage_dir);
	return true;
}

void output_end(struct output *o)
{
	/* without the lock the staging folder may be another build's */
	if (o->stage_dir && o->lock_fd >= 0)
		fs_remove_tree(o->stage_dir);
	if (o->lock_fd >= 0) {
		close(o->lock_fd);
		o->lock_fd = -1;
	}
}
