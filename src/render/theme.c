/*
 * theme.c: template lookup over the site's layouts/ and the theme's,
 * with partials/ beside each (through tmpl_dirs, which reads and parses
 * each template once), and the order in which a page's layout is chosen.
 */
#include "render/theme.h"
#include "render/tmpl_dirs.h"
#include "util/fs.h"

struct theme {
	struct arena *a;
	struct tmpl_dirs dirs;
	const char *static_dir;
};

const struct tmpl *theme_template(struct theme *t, const char *name, struct diags *d)
{
	return tmpl_dirs_load(&t->dirs, name, d);
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
	tmpl_dirs_init(&t->dirs, a);
	tmpl_dirs_add_as(&t->dirs, path_join(a, site_dir, "layouts"), "layouts");
	tmpl_dirs_add_as(&t->dirs, path_join(a, site_dir, "layouts/partials"), "layouts/partials");
	tmpl_dirs_add_as(&t->dirs, path_join(a, real_theme, "layouts"),
			 arena_printf(a, "%s/layouts", theme_dir));
	tmpl_dirs_add_as(&t->dirs, path_join(a, real_theme, "layouts/partials"),
			 arena_printf(a, "%s/layouts/partials", theme_dir));
	t->static_dir = path_join(a, real_theme, "static");
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
	return tmpl_dirs_loader(&t->dirs);
}

const char *theme_static_dir(const struct theme *t)
{
	return t->static_dir;
}
