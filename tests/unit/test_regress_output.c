/*
 * Regression tests for emit/output.c: the staging folder, the lock and
 * the swap.
 */
#include "harness.h"
#include "emit/output.h"
#include "util/fs.h"

#include <fcntl.h>
#include <sys/file.h>
#include <unistd.h>

static char tmp[] = "/tmp/signpost-test-output-XXXXXX";

/* A build that found the output locked removed the staging folder of
 * the build holding the lock (output_end after a failed output_begin),
 * and that build then swapped in a site with files missing. */
TEST(locked_out_build_leaves_the_other_staging_folder)
{
	struct arena a;
	struct diags d = DIAGS_INIT;
	struct output o;
	char *out, *stage, *lock, *file;
	size_t len;
	int fd;

	arena_init(&a);
	out = arena_printf(&a, "%s/public", tmp);
	stage = arena_printf(&a, "%s.signpost-new", out);
	lock = arena_printf(&a, "%s.signpost-lock", out);
	file = arena_printf(&a, "%s/page.html", stage);
	/* the other build: holds the lock, has written a file */
	fd = open(lock, O_RDWR | O_CREAT | O_CLOEXEC, 0644);
	CHECK(fd >= 0 && flock(fd, LOCK_EX | LOCK_NB) == 0);
	CHECK(fs_mkdirs(stage) == 0 && fs_write(file, "x", 1) == 0);

	CHECK(!output_begin(&o, &a, out, &d));
	CHECK(d.errors == 1 && strstr(d.v[0].msg, "another build is writing this output folder"));
	output_end(&o);
	CHECK(fs_kind(file) == FS_FILE);

	/* once the lock is free, a build starts from an empty staging folder */
	close(fd);
	CHECK(output_begin(&o, &a, out, &d));
	CHECK(fs_kind(file) == FS_MISSING && fs_kind(stage) == FS_DIR);
	CHECK(output_write(&o, "index.html", "new", 3, &d));
	CHECK(output_commit(&o, &d));
	output_end(&o);
	CHECK(fs_kind(stage) == FS_MISSING);
	free(fs_read(arena_printf(&a, "%s/index.html", out), "index.html", &len, &d));
	CHECK(len == 3);
	diags_free(&d);
	arena_free(&a);
}

int main(void)
{
	if (!mkdtemp(tmp)) {
		perror("mkdtemp");
		return 1;
	}
	RUN(locked_out_build_leaves_the_other_staging_folder);
	fs_remove_tree(tmp);
	return harness_done();
}
