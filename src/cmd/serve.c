/*
 * cmd/serve.c: options of `signpost serve`.
 */
#include "cmd/cmd.h"
#include "serve/serve.h"

#include <arpa/inet.h>
#include <errno.h>
#include <unistd.h>

static int usage_error(const char *fmt, const char *arg)
{
	fputs("signpost serve: ", stderr);
	fprintf(stderr, fmt, arg);
	fputs("\nTry 'signpost help serve'.\n", stderr);
	return 2;
}

/* The value of "--opt VALUE" or "--opt=VALUE"; NULL when missing. */
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
		} else if (is_option(a, "-s") || is_option(a, "--source")) {
			if (!(v = option_value(argc, argv, &i, a[1] == 's' ? "-s" : "--source")))
				return usage_error("option '%s' needs a folder", a);
			o.site_dir = v;
		} else if (is_option(a, "--bind")) {
			if (!(v = option_value(argc, argv, &i, "--bind")))
				return usage_error("option '%s' needs an address", a);
			if (!strcmp(v, "localhost"))
				v = "127.0.0.1";
			if (!address_ok(v))
				return usage_error("--bind '%s' should be an IP address such as 127.0.0.1 or ::1", v);
			o.bind = v;
		} else if (is_option(a, "-p") || is_option(a, "--port")) {
			char *end;
			long n;
			if (!(v = option_value(argc, argv, &i, a[1] == 'p' ? "-p" : "--port")))
				return usage_error("option '%s' needs a port number", a);
			errno = 0;
			n = strtol(v, &end, 10);
			if (errno || end == v || *end || n < 0 || n > 65535)
				return usage_error("--port '%s' should be a number from 0 (any free port) to 65535", v);
			o.port = (int)n;
		} else {
			return usage_error("unknown option '%s'", a);
		}
	}
	return serve_run(&o);
}
