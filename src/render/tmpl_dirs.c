/*
 * tmpl_dirs.c: finding, reading and parsing templates by name over an
 * ordered list of folders, once per name.  Owns nothing outside the
 * arena it was given.
 */
#include "render/tmpl_dirs.h"
#include "util/fs.h"

#include <errno.h>
#include <sys/stat.h>

/* Longest template name accepted, well inside any PATH_MAX. */
#define NAME_MAX_LEN 1024

struct tmpl_dirs_entry {
	const char *name;              /* arena */
	const struct tmpl *t;          /* arena; NULL: looked for, not found */
	struct tmpl_dirs_entry *next;
};

static const struct tmpl *load_cb(void *ctx, const char *name, struct diags *d)
{
	return tmpl_dirs_load(ctx, name, d);
}

void tmpl_dirs_init(struct tmpl_dirs *td, struct arena *a)
{
	memset(td, 0, sizeof(*td));
	td->a = a;
	td->loader.load = load_cb;
	td->loader.ctx = td;
}

static const char **grow(struct arena *a, const char **old, size_t n, size_t cap)
{
	const char **v = arena_alloc(a, cap * sizeof(*v));
	if (n)
		memcpy(v, old, n * sizeof(*v));
	return v;
}

void tmpl_dirs_add_as(struct tmpl_dirs *td, const char *dir, const char *shown)
{
	if (td->ndirs == td->cap) {
		size_t cap = td->cap ? td->cap * 2 : 4;
		td->dirs = grow(td->a, td->dirs, td->ndirs, cap);
		td->shown = grow(td->a, td->shown, td->ndirs, cap);
		td->cap = cap;
	}
	td->dirs[td->ndirs] = arena_strdup(td->a, dir);
	td->shown[td->ndirs] = arena_strdup(td->a, shown);
	td->ndirs++;
}

void tmpl_dirs_add(struct tmpl_dirs *td, const char *dir)
{
	tmpl_dirs_add_as(td, dir, dir);
}

const struct tmpl_loader *tmpl_dirs_loader(struct tmpl_dirs *td)
{
	return &td->loader;
}

/* Names may hold folders ("partials/nav") but never climb out. */
static const char *name_problem(const char *name)
{
	size_t n = strlen(name);

	if (n == 0)
		return "is empty";
	if (n > NAME_MAX_LEN)
		return "is too long";
	if (name[0] == '/' || strchr(name, '\\'))
		return "must be relative, with '/' between folders";
	for (const char *p = name;;) {
		const char *slash = strchr(p, '/');
		size_t seg = slash ? (size_t)(slash - p) : strlen(p);
		if (seg == 0 || (seg == 1 && p[0] == '.') || (seg == 2 && p[0] == '.' && p[1] == '.'))
			return "must not have empty, '.' or '..' parts";
		if (!slash)
			break;
		p = slash + 1;
	}
	return NULL;
}

const struct tmpl *tmpl_dirs_load(struct tmpl_dirs *td, const char *name, struct diags *d)
{
	struct tmpl_dirs_entry *e;
	const struct tmpl *found = NULL;
	const char *problem;

	for (e = td->cache; e; e = e->next)
		if (!strcmp(e->name, name))
			return e->t;

	problem = name_problem(name);
	if (problem) {
		diag_error(d, td->ndirs ? td->shown[0] : ".", 0, 0, "template name '%.60s' %s",
			   name, problem);
	} else {
		for (size_t i = 0; i < td->ndirs; i++) {
			const char *base = arena_printf(td->a, "%s.mustache", name);
			const char *file = path_join(td->a, td->dirs[i], base);
			const char *shown = path_join(td->a, td->shown[i], base);
			struct stat st;
			size_t len;
			char *src;

			if (stat(file, &st) < 0) {
				if (errno == ENOENT || errno == ENOTDIR)
					continue;
				diag_error(d, shown, 0, 0, "cannot read: %s", strerror(errno));
				break;
			}
			src = fs_read(file, shown, &len, d);
			if (src) {
				found = tmpl_parse(td->a, shown, src, len, d);
				free(src);
			}
			break;
		}
	}

	e = arena_alloc(td->a, sizeof(*e));
	e->name = arena_strdup(td->a, name);
	e->t = found;
	e->next = td->cache;
	td->cache = e;
	return found;
}
