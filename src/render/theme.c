/*
 * theme.c: template lookup over the site's layouts/ and the theme's,
 * with partials/ beside each (through tmpl_dirs, which reads and parses
 * each template once), and the order in which a page's layout is chosen.
 */
#include "render/theme.h"
#include "render/tmpl_dirs.h"
#include "util/fs.h"

#include <pthread.h>

struct theme {
	struct arena *a;
	/* templates load lazily, also from the threads rendering pages:
	 * the cache and the arena are used under this lock */
	pthread_mutex_t lock;
	struct tmpl_loader loader;
	struct tmpl_dirs dirs;
	const char *static_dir, *shown_static;
};

const struct tmpl *theme_template(struct theme *t, const char *name, struct diags *d)
{
	const struct tmpl *found;

	pthread_mutex_lock(&t->lock);
	found = tmpl_dirs_load(&t->dirs, name, d);
	pthread_mutex_unlock(&t->lock);
	return found;
}

static const struct tmpl *load_locked(void *ctx, const char *name, struct diags *d)
{
	return theme_template(ctx, name, d);
}

#ifndef SIGNPOST_DATADIR
#define SIGNPOST_DATADIR "/usr/local/share/signpost"
#endif

/* Arena: where theme name lives: the site's themes/ folder first, then
 * $SIGNPOST_THEME_PATH, then the themes installed with signpost.  *shown
 * is how diagnostics name it. */
static const char *find_theme(struct arena *a, const char *site_dir, const char *name,
			      const char **shown)
{
	const char *env = getenv("SIGNPOST_THEME_PATH");
	const char *in_site = path_join(a, site_dir, arena_printf(a, "themes/%s", name));
	const char *candidates[2] = {
		env && *env ? path_join(a, env, name) : NULL,
		arena_printf(a, "%s/themes/%s", SIGNPOST_DATADIR, name),
	};

	*shown = arena_printf(a, "themes/%s", name);
	if (fs_kind(in_site) == FS_DIR)
		return in_site;
	for (size_t i = 0; i < ARRAY_LEN(candidates); i++) {
		if (candidates[i] && fs_kind(candidates[i]) == FS_DIR) {
			*shown = candidates[i];
			return candidates[i];
		}
	}
	return NULL;
}

struct theme *theme_open(struct arena *a, const char *site_dir, const char *name,
			 struct diags *d)
{
	struct theme *t = arena_alloc(a, sizeof(*t));
	const char *theme_dir;
	const char *real_theme = find_theme(a, site_dir, name, &theme_dir);

	if (!real_theme) {
		diag_error(d, "config.yaml", 0, 0,
			   "theme '%s' not found in themes/%s, $SIGNPOST_THEME_PATH or %s/themes",
			   name, name, SIGNPOST_DATADIR);
		return NULL;
	}
	t->a = a;
	pthread_mutex_init(&t->lock, NULL);
	t->loader.load = load_locked;
	t->loader.ctx = t;
	tmpl_dirs_init(&t->dirs, a);
	tmpl_dirs_add_as(&t->dirs, path_join(a, site_dir, "layouts"), "layouts");
	tmpl_dirs_add_as(&t->dirs, path_join(a, site_dir, "layouts/partials"), "layouts/partials");
	tmpl_dirs_add_as(&t->dirs, path_join(a, real_theme, "layouts"),
			 arena_printf(a, "%s/layouts", theme_dir));
	tmpl_dirs_add_as(&t->dirs, path_join(a, real_theme, "layouts/partials"),
			 arena_printf(a, "%s/layouts/partials", theme_dir));
	t->static_dir = path_join(a, real_theme, "static");
	t->shown_static = arena_printf(a, "%s/static", theme_dir);
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
	/* no arena here: pages are laid out from several threads */
	if (p->guide) {
		char name[256];
		int n = snprintf(name, sizeof(name), "%s/%s", p->guide->id, kind);
		if (n > 0 && (size_t)n < sizeof(name) && (found = theme_template(t, name, d)))
			return found;
	}
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

const char *theme_static_dir(const struct theme *t, const char **shown)
{
	*shown = t->shown_static;
	return t->static_dir;
}
