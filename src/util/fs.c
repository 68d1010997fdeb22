/*
 * fs.c: file system helpers over POSIX calls.
 */
#include "util/fs.h"
#include "util/limits.h"

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

char *fs_read(const char *path, const char *shown, size_t *len, struct diags *d)
{
	/* a link could point out of the site: never followed; a FIFO
	 * would block the open: refused by the fstat below instead */
	int fd = open(path, O_RDONLY | O_CLOEXEC | O_NOFOLLOW | O_NONBLOCK);
	struct stat st;
	char *data;
	size_t got = 0;

	if (fd < 0 && errno == ELOOP) {
		diag_error(d, shown, 0, 0,
			   "is a symbolic link; signpost does not follow links, which could point out of the site");
		return NULL;
	}
	if (fd < 0) {
		diag_error(d, shown, 0, 0, "cannot read: %s", strerror(errno));
		return NULL;
	}
	if (fstat(fd, &st) < 0 || !S_ISREG(st.st_mode)) {
		diag_error(d, shown, 0, 0, "cannot read: not a regular file");
		close(fd);
		return NULL;
	}
	if ((unsigned long long)st.st_size > LIMIT_FILE_SIZE) {
		diag_error(d, shown, 0, 0, "file is %lld bytes, more than the limit of %u",
			   (long long)st.st_size, LIMIT_FILE_SIZE);
		close(fd);
		return NULL;
	}
	data = xmalloc((size_t)st.st_size + 1);
	/* read to the end, but never past the limit, even if the file grows */
	for (;;) {
		size_t room = (size_t)st.st_size - got;
		ssize_t n;
		if (room == 0) {
			char probe;
			if (read(fd, &probe, 1) > 0) {
				diag_error(d, shown, 0, 0, "file changed while it was read");
				free(data);
				close(fd);
				return NULL;
			}
			break;
		}
		n = read(fd, data + got, room);
		if (n < 0 && errno == EINTR)
			continue;
		if (n < 0) {
			diag_error(d, shown, 0, 0, "cannot read: %s", strerror(errno));
			free(data);
			close(fd);
			return NULL;
		}
		if (n == 0)
			break;
		got += (size_t)n;
	}
	close(fd);
	data[got] = '\0';
	*len = got;
	return data;
}

int fs_write(const char *path, const void *data, size_t len)
{
	int fd = open(path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0644);
	const char *p = data;

	if (fd < 0)
		return -1;
	while (len > 0) {
		ssize_t n = write(fd, p, len);
		if (n < 0 && errno == EINTR)
			continue;
		if (n < 0) {
			int e = errno;
			close(fd);
			errno = e;
			return -1;
		}
		p += n;
		len -= (size_t)n;
	}
	return close(fd);
}

int fs_mkdirs(const char *path)
{
	char *parent, *slash;
	int rc;

	/* the folder or its parent usually exists: one call */
	if (mkdir(path, 0755) == 0 || errno == EEXIST)
		return 0;
	if (errno != ENOENT)
		return -1;
	parent = xstrdup(path);
	slash = strrchr(parent, '/');
	while (slash && slash > parent && slash[1] == '\0') {
		*slash = '\0';
		slash = strrchr(parent, '/');
	}
	if (!slash || slash == parent) {
		free(parent);
		errno = ENOENT;
		return -1;
	}
	*slash = '\0';
	rc = fs_mkdirs(parent);
	free(parent);
	if (rc < 0)
		return -1;
	return mkdir(path, 0755) == 0 || errno == EEXIST ? 0 : -1;
}

int fs_remove_tree(const char *path)
{
	struct stat st;
	DIR *dir;
	struct dirent *e;
	int rc = 0;

	if (lstat(path, &st) < 0)
		return errno == ENOENT ? 0 : -1;
	if (!S_ISDIR(st.st_mode))
		return unlink(path);
	dir = opendir(path);
	if (!dir)
		return -1;
	while ((e = readdir(dir))) {
		char *child;
		size_t n;
		if (!strcmp(e->d_name, ".") || !strcmp(e->d_name, ".."))
			continue;
		n = strlen(path) + strlen(e->d_name) + 2;
		child = xmalloc(n);
		snprintf(child, n, "%s/%s", path, e->d_name);
		if (fs_remove_tree(child) < 0)
			rc = -1;
		free(child);
	}
	closedir(dir);
	if (rmdir(path) < 0)
		rc = -1;
	return rc;
}

int fs_copy(const char *from, const char *to)
{
	struct diags d = DIAGS_INIT;
	size_t len;
	char *data = fs_read(from, from, &len, &d);
	int rc;

	diags_free(&d);
	if (!data)
		return -1;
	rc = fs_write(to, data, len);
	free(data);
	return rc;
}

enum fs_kind fs_kind(const char *path)
{
	struct stat st;
	if (lstat(path, &st) < 0)
		return FS_MISSING;
	if (S_ISREG(st.st_mode))
		return FS_FILE;
	if (S_ISDIR(st.st_mode))
		return FS_DIR;
	return FS_OTHER;
}

static int entry_cmp(const void *a, const void *b)
{
	return strcmp(((const struct fs_entry *)a)->name, ((const struct fs_entry *)b)->name);
}

long fs_list(struct arena *a, const char *dir, struct fs_entry **out)
{
	DIR *d = opendir(dir);
	struct dirent *e;
	struct fs_entry *v = NULL;
	size_t n = 0, cap = 0;

	if (!d)
		return -1;
	while ((e = readdir(d))) {
		char *full;
		if (e->d_name[0] == '.')
			continue;
		if (n == cap) {
			cap = cap ? cap * 2 : 16;
			v = xrealloc(v, cap * sizeof(*v));
		}
		full = path_join(a, dir, e->d_name);
		v[n].name = arena_strdup(a, e->d_name);
		v[n].kind = fs_kind(full);
		n++;
	}
	closedir(d);
	if (n > 1)
		qsort(v, n, sizeof(*v), entry_cmp);
	*out = arena_alloc(a, (n ? n : 1) * sizeof(**out));
	if (n)
		memcpy(*out, v, n * sizeof(*v));
	free(v);
	return (long)n;
}

char *path_join(struct arena *a, const char *x, const char *y)
{
	size_t lx = strlen(x);
	if (lx == 0)
		return arena_strdup(a, y);
	if (x[lx - 1] == '/')
		return arena_printf(a, "%s%s", x, y);
	return arena_printf(a, "%s/%s", x, y);
}
