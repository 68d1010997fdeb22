/*
 * theme.c: template lookup over the site's layouts/ and the theme's,
 * with partials/ beside each; every template is read and parsed once.
 */
#include "render/theme.h"
#include "util/fs.h"

struct cached {
	const char *name;
	const struct tmpl *t;     /* NULL: looked for and not found */
};

struct theme {
	struct arena *a;
	const char *dirs[4];      /* real paths, in lookup order */
	const char *shown[4];     /* the same, as shown in diagnostics */
	const char *static_dir;
	struct cached *cache;
	size_t n_cache, cap_cache;
	struct tmpl_loader loader;
};

/* Template names may hold folders ("adopters/page") but never climb. */
static bool name_ok(const char *name)
{
	const char *p = name;
	if (!*name || name[0] == '/' || strchr(name, '\\'))
		return false;
	while (*p) {
		const char *slash = strchr(p, '/');
		size_t n = slash ? (size_t)(slash - p) : strlen(p);
		if (n == 0 || (n <= 2 && !strncmp(p, "..", n)))
			return false;
		p += n;
		if (*p == '/')
			p++;
	}
	return true;
}

const struct tmpl *theme_template(struct theme *t, const char *name, struct diags *d)
{
	const struct tmpl *found = NULL;

	for (size_t i = 0; i < t->n_cache; i++)
		if (!strcmp(t->cache[i].name, name))
			return t->cache[i].t;
	if (!name_ok(name))
		return NULL;
	for (size_t i = 0; i < ARRAY_LEN(t->dirs) && !found; i++) {
		const char *file = arena_printf(t->a, "%s/%s.mustache", t->dirs[i], name);
		const char *shown = arena_printf(t->a, "%s/%s.mustache", t->shown[i], name);
		size_t len;
		char *src;

		if (fs_kind(file) != FS_FILE)
			continue;
		src = fs_read(file, shown, &len, d);
		if (!src)
			break;
		found = tmpl_parse(t->a, shown, src, len, d);
		free(src);
		break;
	}
	if (t->n_cache == t->cap_cache) {
		struct cached *v;
		t->cap_cache = t->cap_cache ? t->cap_cache * 2 : 32;
		v = arena_alloc(t->a, t->cap_cache * sizeof(*v));
		if (t->n_cache)
			memcpy(v, t->cache, t->n_cache * sizeof(*v));
		t->cache = v;
	}
	t->cache[t->n_cache++] = (struct cached){ arena_strdup(t->a, name), found };
	return found;
}

static const struct tmpl *load_partial(void *ctx, const char *name, struct diags *d)
{
	return theme_template(ctx, name, d);
}

struct theme *theme_open(struct arena *a, const char *site_dir, const char *name,
			 struct diags *d)
{
	struct theme *t = arena_alloc(a, sizeof(*t));
	const char *theme_dir = arena_printf(a, "themes/%s", name);
	const char *real_theme = path_join(a, site_dir, theme_dir);

	if (fs_kind(real_theme) != FS_DIR) {
		diag_error(d, "config.yaml", 0, 0, "theme '%s' not found: no folder %s", name,
			   theme_dir);
		return NULL;
	}
	t->a = a;
	t->dirs[0] = path_join(a, site_dir, "layouts");
	t->dirs[1] = path_join(a, site_dir, "layouts/partials");
	t->dirs[2] = path_join(a, real_theme, "layouts");
	t->dirs[3] = path_join(a, real_theme, "layouts/partials");
	t->shown[0] = "layouts";
	t->shown[1] = "layouts/partials";
	t->shown[2] = arena_printf(a, "%s/layouts", theme_dir);
	t->shown[3] = arena_printf(a, "%s/layouts/partials", theme_dir);
	t->static_dir = path_join(a, real_theme, "static");
	t->loader.load = load_partial;
	t->loader.ctx = t;
	return t;
}

const struct tmpl *theme_layout(struct theme *t, const struct page *p, struct diags *d)
{
	const char *kind = page_kind_name(p->kind);
	const struct tmpl *found;

	if (p->src->layout) {
		found = theme_template(t, p->src->layout, d);
		if (!found) {
			const struct value *v = value_map_get(p->src->fm, "layout");
			diag_error(d, p->src->path, v ? v->line : 1, v ? v->col : 1,
				   "layout '%s' not found in layouts/ or the theme", p->src->layout);
		}
		return found;
	}
	if (p->guide && (found = theme_template(t, arena_printf(t->a, "%s/%s", p->guide->id, kind), d)))
		return found;
	if ((found = theme_template(t, kind, d)))
		return found;
	if ((found = theme_template(t, "page", d)))
		return found;
	diag_error(d, p->src->path, 0, 0, "no template for this page: add layouts/%s.mustache or layouts/page.mustache",
		   kind);
	return NULL;
}

const struct tmpl_loader *theme_loader(struct theme *t)
{
	return &t->loader;
}

const char *theme_static_dir(const struct theme *t)
{
	return t->static_dir;
}
