/*
 * cmd/build.c: options of `signpost build` and `signpost check`.
 */
#include "build.h"
#include "cmd/cmd.h"
#include "util/escape.h"

#include <errno.h>
#include <unistd.h>

static int usage_error(const char *cmd, const char *fmt, const char *arg)
{
	fprintf(stderr, "signpost %s: ", cmd);
	fprintf(stderr, fmt, arg);
	fprintf(stderr, "\nTry 'signpost help %s'.\n", cmd);
	return 2;
}

/* Takes the value of an option given as "--opt VALUE" or "--opt=VALUE". */
static const char *option_value(int argc, char **argv, int *i, const char *name)
{
	size_t n = strlen(name);
	if (!strncmp(argv[*i], name, n) && argv[*i][n] == '=')
		return argv[*i] + n + 1;
	if (!strcmp(argv[*i], name) && *i + 1 < argc)
		return argv[++*i];
	return NULL;
}

static bool is_option(const char *arg, const char *name)
{
	size_t n = strlen(name);
	return !strcmp(arg, name) || (!strncmp(arg, name, n) && arg[n] == '=');
}

static int parse_jobs(const char *s, int *out)
{
	char *end;
	long n;
	errno = 0;
	n = strtol(s, &end, 10);
	if (errno || end == s || *end || n < 1 || n > 256)
		return -1;
	*out = (int)n;
	return 0;
}

static int run(int argc, char **argv, bool write)
{
	const char *cmd = argv[0];
	struct build_opts o = { .site_dir = ".", .write = write, .format = DIAG_TEXT };
	long cores = sysconf(_SC_NPROCESSORS_ONLN);

	o.jobs = cores > 0 ? (int)cores : 1;
	for (int i = 1; i < argc; i++) {
		const char *a = argv[i], *v;
		if (!strcmp(a, "--strict")) {
			o.strict = true;
		} else if (write && !strcmp(a, "--drafts")) {
			o.drafts = true;
		} else if (!strcmp(a, "-q") || !strcmp(a, "--quiet")) {
			o.quiet = true;
		} else if (is_option(a, "-s") || is_option(a, "--source")) {
			if (!(v = option_value(argc, argv, &i, a[1] == 's' ? "-s" : "--source")))
				return usage_error(cmd, "option '%s' needs a folder", a);
			o.site_dir = v;
		} else if (is_option(a, "-o") || is_option(a, "--output")) {
			if (!(v = option_value(argc, argv, &i, a[1] == 'o' ? "-o" : "--output")))
				return usage_error(cmd, "option '%s' needs a folder", a);
			/* check writes nothing unless asked where */
			o.out_dir = v;
			o.write = true;
		} else if (write && is_option(a, "--base-url")) {
			if (!(v = option_value(argc, argv, &i, "--base-url")))
				return usage_error(cmd, "option '%s' needs a URL", a);
			if (!(strncmp(v, "https://", 8) == 0 || strncmp(v, "http://", 7) == 0) ||
			    !url_is_safe(v, strlen(v)) || strpbrk(v, " \"'<>"))
				return usage_error(cmd, "--base-url '%s' should be an absolute http or https URL", v);
			o.base_url = v;
		} else if (write && (is_option(a, "-j") || is_option(a, "--jobs"))) {
			if (!(v = option_value(argc, argv, &i, a[1] == 'j' ? "-j" : "--jobs")) ||
			    parse_jobs(v, &o.jobs) < 0)
				return usage_error(cmd, "option '%s' needs a number of jobs from 1 to 256", a);
		} else if (is_option(a, "--format")) {
			if (!(v = option_value(argc, argv, &i, "--format")) ||
			    !diag_format_parse(v, &o.format) || (write && o.format == DIAG_JUNIT))
				return usage_error(cmd, write ? "--format takes text, github or json%s" :
						   "--format takes text, github, json or junit%s", "");
		} else {
			return usage_error(cmd, "unknown option '%s'", a);
		}
	}
	return build_run(&o);
}

int cmd_build(int argc, char **argv)
{
	return run(argc, argv, true);
}

int cmd_check(int argc, char **argv)
{
	return run(argc, argv, false);
}
