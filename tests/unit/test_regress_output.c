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

/* `signpost build -o content` swapped the output in for the site's
 * content/ and removed it: the site's own pages were lost. */
TEST(output_never_replaces_the_site)
{
	struct arena a;
	struct diags d = DIAGS_INIT;
	const char *site;
	static const char *const bad[] = {
		"", "/", "/..", "/content", "/content/", "/content/public", "/layouts",
		"/static/x/y", "/themes/default", "/public/../content", "/nope/../content",
		"/./static",
	};
	static const char *const good[] = {
		"/public", "/public/", "/content-out", "/../elsewhere", "/out/deeper",
		"/contents", "/static-site",
	};

	arena_init(&a);
	site = arena_printf(&a, "%s/site", tmp);
	CHECK(fs_mkdirs(arena_printf(&a, "%s/content", site)) == 0);
	CHECK(fs_mkdirs(arena_printf(&a, "%s/public", site)) == 0);
	for (size_t i = 0; i < ARRAY_LEN(bad); i++) {
		const char *out = arena_printf(&a, "%s%s", site, bad[i]);
		if (output_outside_site(&a, out, site, &d)) {
			fprintf(stderr, "accepted: %s\n", out);
			CHECK(!"a folder of the site accepted as the output");
		}
	}
	CHECK(d.errors == ARRAY_LEN(bad));
	CHECK(strstr(d.v[0].msg, "would replace the site's own files") != NULL);
	for (size_t i = 0; i < ARRAY_LEN(good); i++) {
		const char *out = arena_printf(&a, "%s%s", site, good[i]);
		if (!output_outside_site(&a, out, site, &d)) {
			fprintf(stderr, "refused: %s\n", out);
			CHECK(!"a folder outside the site's own refused");
		}
	}
	CHECK(!output_outside_site(&a, tmp, site, &d));
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
	RUN(output_never_replaces_the_site);
	fs_remove_tree(tmp);
	return harness_done();
}
