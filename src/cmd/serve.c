/*
 * cmd/serve.c: options of `signpost serve`.
 */
#include "cmd/args.h"
#include "cmd/cmd.h"
#include "serve/serve.h"

#include <arpa/inet.h>
#include <errno.h>
#include <unistd.h>

static bool address_ok(const char *s)
{
	unsigned char addr[16];
	return inet_pton(AF_INET, s, addr) == 1 || inet_pton(AF_INET6, s, addr) == 1;
}

int cmd_serve(int argc, char **argv)
{
	struct serve_opts o = { .site_dir = ".", .bind = "127.0.0.1", .port = 1313, .drafts = true };
	long cores = sysconf(_SC_NPROCESSORS_ONLN);

	o.jobs = cores > 0 ? (int)cores : 1;
	for (int i = 1; i < argc; i++) {
		const char *a = argv[i], *v;
		if (!strcmp(a, "--drafts")) {
			o.drafts = true;
		} else if (!strcmp(a, "--no-drafts")) {
			o.drafts = false;
		} else if (args_is(a, "-s") || args_is(a, "--source")) {
			if (!(v = args_value(argc, argv, &i, a[1] == 's' ? "-s" : "--source")))
				return args_usage_error("serve", "option '%s' needs a folder", a);
			o.site_dir = v;
		} else if (args_is(a, "--bind")) {
			if (!(v = args_value(argc, argv, &i, "--bind")))
				return args_usage_error("serve", "option '%s' needs an address", a);
			if (!strcmp(v, "localhost"))
				v = "127.0.0.1";
			if (!address_ok(v))
				return args_usage_error("serve", "--bind '%s' should be an IP address such as 127.0.0.1 or ::1", v);
			o.bind = v;
		} else if (args_is(a, "-p") || args_is(a, "--port")) {
			char *end;
			long n;
			if (!(v = args_value(argc, argv, &i, a[1] == 'p' ? "-p" : "--port")))
				return args_usage_error("serve", "option '%s' needs a port number", a);
			errno = 0;
			n = strtol(v, &end, 10);
			if (errno || end == v || *end || n < 0 || n > 65535)
				return args_usage_error("serve", "--port '%s' should be a number from 0 (any free port) to 65535", v);
			o.port = (int)n;
		} else {
			return args_usage_error("serve", "unknown option '%s'", a);
		}
	}
	return serve_run(&o);
}
