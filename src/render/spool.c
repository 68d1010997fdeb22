/*
 * spool.c: pieces in a temporary file.  A piece's place is reserved by
 * an atomic add to the file's end, so threads write without a lock.
 */
#include "render/spool.h"

#include <errno.h>
#include <stdio.h>
#include <unistd.h>

bool spool_open(struct spool *sp, size_t n, const char *who, struct diags *d)
{
	/* tmpfile's file has no name: it goes when it is closed, or when
	 * the process ends however it ends */
	FILE *f = tmpfile();

	memset(sp, 0, sizeof(*sp));
	sp->fd = -1;
	if (!f) {
		diag_error(d, who, 0, 0, "cannot create a temporary file: %s", strerror(errno));
		return false;
	}
	sp->fd = dup(fileno(f));
	fclose(f);
	if (sp->fd < 0) {
		diag_error(d, who, 0, 0, "cannot create a temporary file: %s", strerror(errno));
		return false;
	}
	atomic_init(&sp->end, 0);
	sp->pieces = xcalloc(n ? n : 1, sizeof(*sp->pieces));
	sp->n = n;
	return true;
}

bool spool_put(struct spool *sp, size_t i, const char *data, size_t len, const char *who,
	       struct diags *d)
{
	uint64_t off = atomic_fetch_add(&sp->end, len);

	if (i >= sp->n)
		BUG("spool piece %zu of %zu", i, sp->n);
	for (size_t done = 0; done < len;) {
		ssize_t w = pwrite(sp->fd, data + done, len - done, (off_t)(off + done));
		if (w < 0 && errno == EINTR)
			continue;
		if (w <= 0) {
			diag_error(d, who, 0, 0, "cannot write to a temporary file: %s",
				   w < 0 ? strerror(errno) : "no space");
			return false;
		}
		done += (size_t)w;
	}
	sp->pieces[i] = (struct spool_piece){ off, len, true };
	return true;
}

const char *spool_get(const struct spool *sp, size_t i, struct arena *a, size_t *len,
		      const char *who, struct diags *d)
{
	const struct spool_piece *p;
	char *out;

	*len = 0;
	if (i >= sp->n || !sp->pieces[i].set)
		return NULL;
	p = &sp->pieces[i];
	out = arena_alloc(a, p->len + 1);
	for (size_t done = 0; done < p->len;) {
		ssize_t r = pread(sp->fd, out + done, p->len - done, (off_t)(p->off + done));
		if (r < 0 && errno == EINTR)
			continue;
		if (r <= 0) {
			diag_error(d, who, 0, 0, "cannot read a temporary file: %s",
				   r < 0 ? strerror(errno) : "it is shorter than written");
			return NULL;
		}
		done += (size_t)r;
	}
	*len = p->len;
	return out;
}

void spool_close(struct spool *sp)
{
	if (sp->fd >= 0)
		close(sp->fd);
	free(sp->pieces);
	memset(sp, 0, sizeof(*sp));
	sp->fd = -1;
}
