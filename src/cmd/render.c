/*
 * cmd/render.c: `signpost render TEMPLATE [DATA.yaml] [--partials DIR]`:
 * one template, a YAML file as its context, the result on standard
 * output, for theme authors.  Owns one arena and the diagnostics of the
 * run, both released before returning.
 */
#include "cmd/cmd.h"
#include "load/yaml.h"
#include "render/mustache.h"
#include "render/tmpl_dirs.h"
#include "util/fs.h"

#include <errno.h>
#include <sys/stat.h>

#define USAGE "usage: signpost render TEMPLATE [DATA.yaml] [--partials DIR]\n"

static int usage_error(const char *fmt, const char *arg)
{
	fputs("signpost render: ", stderr);
	fprintf(stderr, fmt, arg);
	fputs("\n" USAGE, stderr);
	return 2;
}

/* Arena: the folder part of path ("" for a bare file name). */
static const char *folder_of(struct arena *a, const char *path)
{
	const char *slash = strrchr(path, '/');
	if (!slash)
		return "";
	if (slash == path)
		return "/";
	return arena_strndup(a, path, (size_t)(slash - path));
}

/* Renders into out; false after diagnostics. */
static bool render(struct arena *a, const char *tmpl_path, const char *data_path,
		   const char *const *dirs, size_t ndirs, struct buf *out, struct diags *d)
{
	struct tmpl_dirs td;
	const struct tmpl *t;
	const struct value *root;
	size_t len;
	char *src;

	src = fs_read(tmpl_path, tmpl_path, &len, d);
	if (!src)
		return false;
	t = tmpl_parse(a, tmpl_path, src, len, d);
	free(src);
	if (!t)
		return false;

	root = NULL;
	if (data_path) {
		src = fs_read(data_path, data_path, &len, d);
		if (!src)
			return false;
		root = yaml_parse(a, data_path, src, len, 0, d);
		free(src);
		if (!root)
			return false;
	}
	if (!root || root->kind == VAL_NULL)
		root = value_map(a);

	tmpl_dirs_init(&td, a);
	if (ndirs == 0)
		tmpl_dirs_add(&td, folder_of(a, tmpl_path));
	for (size_t i = 0; i < ndirs; i++)
		tmpl_dirs_add(&td, dirs[i]);
	return tmpl_render(t, root, tmpl_dirs_loader(&td), out, d) && d->errors == 0;
}

int cmd_render(int argc, char **argv)
{
	const char *paths[2] = { NULL, NULL };
	const char **dirs;
	size_t npaths = 0, ndirs = 0;
	bool options = true;
	struct arena a;
	struct diags d = DIAGS_INIT;
	struct buf out = BUF_INIT;
	int status = 0;

	dirs = xcalloc((size_t)argc + 1, sizeof(*dirs));
	for (int i = 1; i < argc; i++) {
		const char *arg = argv[i];
		if (options && !strcmp(arg, "--")) {
			options = false;
		} else if (options && !strcmp(arg, "--partials")) {
			if (i + 1 >= argc) {
				free(dirs);
				return usage_error("option '%s' needs a folder", arg);
			}
			dirs[ndirs++] = argv[++i];
		} else if (options && !strncmp(arg, "--partials=", 11)) {
			dirs[ndirs++] = arg + 11;
		} else if (options && arg[0] == '-' && arg[1]) {
			free(dirs);
			return usage_error("unknown option '%s'", arg);
		} else if (npaths == 2) {
			free(dirs);
			return usage_error("too many arguments (from '%s')", arg);
		} else {
			paths[npaths++] = arg;
		}
	}
	if (npaths == 0) {
		free(dirs);
		return usage_error("%s", "no template given");
	}
	for (size_t i = 0; i < ndirs; i++) {
		struct stat st;
		if (!*dirs[i]) {
			free(dirs);
			return usage_error("%s", "option '--partials' needs a folder");
		}
		if (stat(dirs[i], &st) < 0 || !S_ISDIR(st.st_mode)) {
			int usage = usage_error("--partials '%s' is not a folder", dirs[i]);
			free(dirs);
			return usage;
		}
	}

	arena_init(&a);
	if (render(&a, paths[0], paths[1], dirs, ndirs, &out, &d)) {
		if (out.len && fwrite(out.data, 1, out.len, stdout) != out.len)
			status = 1;
		if (fflush(stdout) != 0)
			status = 1;
		if (status)
			fprintf(stderr, "signpost render: cannot write the output: %s\n",
				strerror(errno));
	} else {
		status = 1;
	}
	diags_print(&d, stderr, DIAG_TEXT);
	if (d.errors)
		status = 1;
	diags_free(&d);
	buf_free(&out);
	arena_free(&a);
	free(dirs);
	return status;
}
