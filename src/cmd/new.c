/*
 * cmd/new.c: arguments of `signpost new`.
 */
#include "cmd/args.h"
#include "cmd/cmd.h"
#include "new/new.h"

int cmd_new(int argc, char **argv)
{
	const char *site_dir = NULL, *args[2] = { NULL, NULL };
	size_t n_args = 0;
	bool options_done = false;

	for (int i = 1; i < argc; i++) {
		const char *a = argv[i];
		if (!options_done && !strcmp(a, "--")) {
			options_done = true;
		} else if (!options_done && (!strcmp(a, "-s") || !strcmp(a, "--source"))) {
			if (i + 1 >= argc)
				return args_usage_error("new", "option '%s' needs a folder", a);
			site_dir = argv[++i];
		} else if (!options_done && (!strncmp(a, "-s=", 3) || !strncmp(a, "--source=", 9))) {
			site_dir = strchr(a, '=') + 1;
		} else if (!options_done && a[0] == '-' && a[1]) {
			return args_usage_error("new", "unknown option '%s'", a);
		} else if (n_args < ARRAY_LEN(args)) {
			args[n_args++] = a;
		} else {
			return args_usage_error("new", "one argument too many: '%s'", a);
		}
	}
	if (n_args == 0)
		return args_usage_error("new", "say what to create: site, page, service or event%s", "");
	if (n_args == 1)
		return args_usage_error("new", "'new %s' needs a name", args[0]);
	if (!strcmp(args[0], "site")) {
		if (site_dir)
			return args_usage_error("new", "'new site' takes the folder as its argument, not %s", "-s");
		return new_site(args[1]);
	}
	if (!site_dir)
		site_dir = ".";
	if (!strcmp(args[0], "page"))
		return new_page(site_dir, args[1]);
	if (!strcmp(args[0], "service"))
		return new_service(site_dir, args[1]);
	if (!strcmp(args[0], "event"))
		return new_event(site_dir, args[1]);
	return args_usage_error("new", "cannot create a '%s': say site, page, service or event", args[0]);
}
