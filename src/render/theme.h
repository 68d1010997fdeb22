/*
 * theme.h: finding templates.  A theme is themes/<name>/ in the site,
 * else <name>/ in $SIGNPOST_THEME_PATH, else the installed
 * <datadir>/themes/<name>/.  A site's layouts/ overrides its theme's;
 * partials are looked up beside the layouts and in their partials/
 * folders, site first.
 *
 * A page's layout is, first found: its front matter 'layout', then
 * <guide>/<kind>, then <kind>, then "page" (for kinds without a
 * template of their own).
 */
#ifndef SIGNPOST_THEME_H
#define SIGNPOST_THEME_H

#include "render/mustache.h"
#include "site/site.h"

struct theme;

/* Arena: a theme for site_dir; a missing theme folder is an error. */
struct theme *theme_open(struct arena *a, const char *site_dir, const char *name,
			 struct diags *d);

/* Borrowed (arena): the template for page p, or NULL after a diagnostic
 * at the page's file when none is found. */
const struct tmpl *theme_layout(struct theme *t, const struct page *p, struct diags *d);

/* Borrowed (arena): the template called name, or NULL (no diagnostic
 * when it simply does not exist). */
const struct tmpl *theme_template(struct theme *t, const char *name, struct diags *d);

/* Borrowed: the loader for partials and parents, valid with t. */
const struct tmpl_loader *theme_loader(struct theme *t);

/* Arena: the theme's static folder; *shown is its name in diagnostics. */
const char *theme_static_dir(const struct theme *t, const char **shown);

#endif
