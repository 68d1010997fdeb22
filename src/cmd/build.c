/*
 * cmd/build.c: options of `signpost build` and `signpost check`.
 */
#include "build.h"
#include "cmd/args.h"
#include "cmd/cmd.h"
#include "util/escape.h"

#include <errno.h>
#include <unistd.h>

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
		} else if (!write && !strcmp(a, "--external")) {
			o.external = true;
		} else if (!strcmp(a, "-q") || !strcmp(a, "--quiet")) {
			o.quiet = true;
		} else if (args_is(a, "-s") || args_is(a, "--source")) {
			if (!(v = args_value(argc, argv, &i, a[1] == 's' ? "-s" : "--source")))
				return args_usage_error(cmd, "option '%s' needs a folder", a);
			o.site_dir = v;
		} else if (args_is(a, "-o") || args_is(a, "--output")) {
			if (!(v = args_value(argc, argv, &i, a[1] == 'o' ? "-o" : "--output")))
				return args_usage_error(cmd, "option '%s' needs a folder", a);
			/* check writes nothing unless asked where */
			o.out_dir = v;
			o.write = true;
		} else if (write && args_is(a, "--base-url")) {
			if (!(v = args_value(argc, argv, &i, "--base-url")))
				return args_usage_error(cmd, "option '%s' needs a URL", a);
			if (!(strncmp(v, "https://", 8) == 0 || strncmp(v, "http://", 7) == 0) ||
			    !url_is_safe(v, strlen(v)) || strpbrk(v, " \"'<>"))
				return args_usage_error(cmd, "--base-url '%s' should be an absolute http or https URL", v);
			o.base_url = v;
		} else if (write && (args_is(a, "-j") || args_is(a, "--jobs"))) {
			if (!(v = args_value(argc, argv, &i, a[1] == 'j' ? "-j" : "--jobs")) ||
			    parse_jobs(v, &o.jobs) < 0)
				return args_usage_error(cmd, "option '%s' needs a number of jobs from 1 to 256", a);
		} else if (args_is(a, "--format")) {
			if (!(v = args_value(argc, argv, &i, "--format")) ||
			    !diag_format_parse(v, &o.format) || (write && o.format == DIAG_JUNIT))
				return args_usage_error(cmd, write ? "--format takes text, github or json%s" :
						   "--format takes text, github, json or junit%s", "");
		} else {
			return args_usage_error(cmd, "unknown option '%s'", a);
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
