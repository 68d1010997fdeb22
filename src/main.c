/*
 * main.c: turns the command line into one call.
 */
#include "cmd/cmd.h"
#include "util/common.h"

#ifndef SIGNPOST_VERSION
#define SIGNPOST_VERSION "0.1.0"
#endif

struct command {
	const char *name;
	int (*run)(int argc, char **argv);
	const char *usage;
	const char *help;
};

static const struct command commands[] = {
	{ "build", cmd_build,
	  "signpost build [-s DIR] [-o DIR] [--strict] [--drafts] [--base-url URL] [-j N] [--format text|github|json] [-q]",
	  "Build the site in DIR (default: the current folder) into the output folder.\n"
	  "\n"
	  "  -s, --source DIR     the site folder (holds config.yaml and content/)\n"
	  "  -o, --output DIR     where to write the site (default: config 'output', else public/)\n"
	  "      --strict         fail on warnings too\n"
	  "      --drafts         include pages marked 'draft: true'\n"
	  "      --base-url URL   override config 'base_url' (absolute http or https)\n"
	  "  -j, --jobs N         worker threads (default: the number of cores)\n"
	  "      --format FORMAT  diagnostics as text, github or json\n"
	  "  -q, --quiet          print nothing but diagnostics\n" },
	{ "check", cmd_check,
	  "signpost check [-s DIR] [-o DIR] [--strict] [--external] [--format text|github|json|junit] [-q]",
	  "Build the site in memory and report every problem: links and anchors,\n"
	  "accessibility of the Markdown, reading level, required topics, review dates,\n"
	  "orphan pages.  Writes nothing unless -o is given.\n"
	  "\n"
	  "  -s, --source DIR     the site folder\n"
	  "  -o, --output DIR     also write the site there when it passes\n"
	  "      --strict         fail on warnings too\n"
	  "      --external       also fetch every external link (HTTP, 10 s timeout each)\n"
	  "      --format FORMAT  diagnostics as text, github, json or junit (a JUnit XML report)\n"
	  "  -q, --quiet          print nothing but diagnostics\n" },
	{ "serve", cmd_serve,
	  "signpost serve [-s DIR] [--bind ADDRESS] [--port PORT] [--drafts | --no-drafts]",
	  "Build the site into a private folder and serve it at http://127.0.0.1:1313/;\n"
	  "rebuild when a file changes, and reload open pages.  Ctrl-C stops.\n"
	  "\n"
	  "  -s, --source DIR     the site folder\n"
	  "      --bind ADDRESS   the IP address to listen on (default: 127.0.0.1)\n"
	  "  -p, --port PORT      the port (default: 1313; 0: any free port)\n"
	  "      --drafts         show pages marked 'draft: true', with a banner (the default)\n"
	  "      --no-drafts      leave drafts out, as the published site does\n" },
	{ "new", cmd_new,
	  "signpost new site DIR | page GUIDE/NAME | service ID | event ID [-s DIR]",
	  "Create a new site, or a new file in a site, with every field filled with a\n"
	  "placeholder and a comment; never overwrites a file.\n"
	  "\n"
	  "  site DIR             a working site in DIR (new or empty), using the default theme\n"
	  "  page GUIDE/NAME      content/GUIDE/NAME.md\n"
	  "  service ID           content/directory/services/ID.yaml\n"
	  "  event ID             content/events/ID.yaml\n"
	  "  -s, --source DIR     the site folder for page, service and event (default: .)\n" },
	{ "render", cmd_render,
	  "signpost render TEMPLATE [DATA.yaml] [--partials DIR]",
	  "Render one Mustache template with a YAML file as its context, to standard output.\n"
	  "\n"
	  "      --partials DIR   where {{> name}} finds name.mustache (default: the template's folder)\n" },
};

static void print_usage(FILE *out)
{
	fputs("usage: signpost COMMAND [OPTIONS]\n\ncommands:\n", out);
	for (size_t i = 0; i < ARRAY_LEN(commands); i++)
		fprintf(out, "  %s\n", commands[i].usage);
	fputs("  signpost --version | --help | help COMMAND\n", out);
}

static const struct command *find(const char *name)
{
	for (size_t i = 0; i < ARRAY_LEN(commands); i++)
		if (!strcmp(commands[i].name, name))
			return &commands[i];
	return NULL;
}

int main(int argc, char **argv)
{
	const struct command *c;

	if (argc < 2) {
		print_usage(stderr);
		return 2;
	}
	if (!strcmp(argv[1], "--version")) {
		printf("signpost %s\n", SIGNPOST_VERSION);
		return 0;
	}
	if (!strcmp(argv[1], "--help") || !strcmp(argv[1], "-h")) {
		print_usage(stdout);
		return 0;
	}
	if (!strcmp(argv[1], "help")) {
		if (argc < 3) {
			print_usage(stdout);
			return 0;
		}
		c = find(argv[2]);
		if (!c) {
			fprintf(stderr, "signpost: no command '%s'\n", argv[2]);
			return 2;
		}
		printf("usage: %s\n\n%s", c->usage, c->help);
		return 0;
	}
	c = find(argv[1]);
	if (!c) {
		fprintf(stderr, "signpost: unknown command '%s'\n", argv[1]);
		print_usage(stderr);
		return 2;
	}
	for (int i = 2; i < argc; i++) {
		if (!strcmp(argv[i], "--help") || !strcmp(argv[i], "-h")) {
			printf("usage: %s\n\n%s", c->usage, c->help);
			return 0;
		}
	}
	return c->run(argc - 1, argv + 1);
}
