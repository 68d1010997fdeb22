/*
 * config.c: reading and validating config.yaml.
 */
#include "load/config.h"
#include "load/schema.h"
#include "load/yaml.h"
#include "util/escape.h"
#include "util/fs.h"
#include "util/text.h"

static const char *const config_keys[] = {
	"title", "base_url", "language", "output", "theme", "markdown", "guides",
	"params", "help", "checks", NULL,
};
static const char *const help_keys[] = {
	"title", "phone", "text", "email", "url", "hours", "description", "guides", NULL,
};
static const char *const markdown_keys[] = { "unsafe", NULL };
static const char *const guide_keys[] = {
	"id", "title", "folder", "description", "reading_level", "style",
	"quick_exit", "required_topics", NULL,
};

static void load_guide(struct arena *a, const struct config *cfg, struct value *m,
		       struct guide *g, struct diags *d)
{
	const char *file = cfg->file;

	g->raw = m;
	g->line = m->line;
	g->col = m->col;
	schema_unknown_keys(m, guide_keys, NULL, "guide key", file, d);
	g->id = schema_str(m, "id", file, d);
	g->title = schema_str(m, "title", file, d);
	g->folder = schema_str(m, "folder", file, d);
	g->description = schema_str(m, "description", file, d);
	g->style = schema_str(m, "style", file, d);
	g->reading_level = schema_int(m, "reading_level", 0, file, d);
	g->quick_exit = schema_bool(m, "quick_exit", false, file, d);
	g->required_topics = schema_str_list(a, m, "required_topics", file, d);

	if (!g->id) {
		diag_error(d, file, m->line, m->col, "guide has no 'id'");
		g->id = "guide";
	} else if (!text_is_slug(g->id)) {
		const struct value *v = value_map_get(m, "id");
		diag_error(d, file, v->line, v->col,
			   "guide id '%s' should use only lower-case letters, digits and hyphens",
			   g->id);
	}
	if (!g->title) {
		diag_error(d, file, m->line, m->col, "guide '%s' has no 'title'", g->id);
		g->title = g->id;
	}
	if (!g->folder)
		g->folder = g->id;
	else if (!text_is_slug(g->folder)) {
		const struct value *v = value_map_get(m, "folder");
		diag_error(d, file, v->line, v->col,
			   "guide folder '%s' should be one folder name of lower-case letters, digits and hyphens",
			   g->folder);
	}
	if (!g->style)
		g->style = "standard";
	else if (strcmp(g->style, "standard") && strcmp(g->style, "child")) {
		const struct value *v = value_map_get(m, "style");
		diag_error(d, file, v->line, v->col,
			   "unknown guide style '%s' (use 'standard' or 'child')", g->style);
	}
}

static void load_guides(struct arena *a, struct config *cfg, struct diags *d)
{
	struct value *list = value_map_get(cfg->raw, "guides");

	if (!list || list->kind == VAL_NULL)
		return;
	if (list->kind != VAL_LIST) {
		diag_error(d, cfg->file, list->line, list->col,
			   "'guides' should be a list of guides");
		return;
	}
	cfg->guides = arena_alloc(a, (list->len ? list->len : 1) * sizeof(*cfg->guides));
	for (size_t i = 0; i < list->len; i++) {
		struct value *m = list->items[i];
		struct guide *g = &cfg->guides[cfg->n_guides];
		if (m->kind != VAL_MAP) {
			diag_error(d, cfg->file, m->line, m->col,
				   "each guide should be a mapping with an id and a title");
			continue;
		}
		load_guide(a, cfg, m, g, d);
		for (size_t k = 0; k < cfg->n_guides; k++) {
			if (!strcmp(cfg->guides[k].id, g->id))
				diag_error(d, cfg->file, g->line, g->col,
					   "duplicate guide id '%s' (first on line %d)", g->id,
					   cfg->guides[k].line);
			else if (!strcmp(cfg->guides[k].folder, g->folder))
				diag_error(d, cfg->file, g->line, g->col,
					   "guide '%s' uses folder '%s', as guide '%s' does", g->id,
					   g->folder, cfg->guides[k].id);
		}
		cfg->n_guides++;
	}
}

static const char *normalise_base_url(struct arena *a, const struct config *cfg,
				      struct diags *d)
{
	const struct value *v = value_map_get(cfg->raw, "base_url");
	const char *url = schema_str(cfg->raw, "base_url", cfg->file, d);
	size_t len;

	if (!url)
		return "/";
	len = strlen(url);
	if (!(len > 8 && (!strncmp(url, "https://", 8) || !strncmp(url, "http://", 7))) ||
	    !url_is_safe(url, len) || strpbrk(url, " \"<>")) {
		diag_error(d, cfg->file, v->line, v->col,
			   "base_url '%s' should be an absolute http or https URL", url);
		return "/";
	}
	return url[len - 1] == '/' ? url : arena_printf(a, "%s/", url);
}

static void load_help_contact(struct config *cfg, struct value *m, struct help_contact *h,
			      struct arena *a, struct diags *d)
{
	const char *file = cfg->file;
	const struct value *v;

	h->raw = m;
	h->line = m->line;
	h->col = m->col;
	schema_unknown_keys(m, help_keys, NULL, "help key", file, d);
	h->title = schema_str(m, "title", file, d);
	h->phone = schema_str(m, "phone", file, d);
	h->text = schema_str(m, "text", file, d);
	h->email = schema_str(m, "email", file, d);
	h->url = schema_str(m, "url", file, d);
	h->hours = schema_str(m, "hours", file, d);
	h->description = schema_str(m, "description", file, d);
	h->guides = schema_str_list(a, m, "guides", file, d);
	if (!h->title) {
		diag_error(d, file, m->line, m->col, "help contact has no 'title'");
		h->title = "";
	}
	if (h->phone && !text_is_phone(h->phone) && (v = value_map_get(m, "phone")))
		diag_error(d, file, v->line, v->col, "phone '%s' should be digits and spaces", h->phone);
	if (h->text && !text_is_phone(h->text) && (v = value_map_get(m, "text")))
		diag_error(d, file, v->line, v->col, "text number '%s' should be digits and spaces", h->text);
	if (h->email && !text_is_email(h->email) && (v = value_map_get(m, "email")))
		diag_error(d, file, v->line, v->col, "email '%s' is not an email address", h->email);
	if (h->url && (v = value_map_get(m, "url")) &&
	    ((strncmp(h->url, "https://", 8) && strncmp(h->url, "http://", 7)) ||
	     !url_is_safe(h->url, strlen(h->url))))
		diag_error(d, file, v->line, v->col, "url '%s' should be an absolute http or https URL", h->url);
	for (size_t i = 0; h->guides && i < h->guides->len; i++) {
		const struct value *g = h->guides->items[i];
		bool known = false;
		for (size_t k = 0; k < cfg->n_guides && !known; k++)
			known = !strcmp(cfg->guides[k].id, g->str);
		if (!known)
			diag_error(d, file, g->line, g->col, "help contact '%s' names unknown guide '%s'",
				   h->title, g->str);
	}
}

static void load_help(struct arena *a, struct config *cfg, struct diags *d)
{
	struct value *list = value_map_get(cfg->raw, "help");

	if (!list || list->kind == VAL_NULL)
		return;
	if (list->kind != VAL_LIST) {
		diag_error(d, cfg->file, list->line, list->col,
			   "'help' should be a list of contacts, each with a title");
		return;
	}
	cfg->help = arena_alloc(a, (list->len ? list->len : 1) * sizeof(*cfg->help));
	for (size_t i = 0; i < list->len; i++) {
		struct value *m = list->items[i];
		if (m->kind != VAL_MAP) {
			diag_error(d, cfg->file, m->line, m->col,
				   "each help contact should be a mapping with a title");
			continue;
		}
		load_help_contact(cfg, m, &cfg->help[cfg->n_help++], a, d);
	}
}

bool config_load(struct arena *a, const char *site_dir, struct config *cfg,
		 struct diags *d)
{
	char *path = path_join(a, site_dir, "config.yaml");
	struct value *md;
	size_t len;
	char *src;

	memset(cfg, 0, sizeof(*cfg));
	cfg->file = "config.yaml";
	src = fs_read(path, cfg->file, &len, d);
	if (!src)
		return false;
	cfg->raw = yaml_parse(a, cfg->file, src, len, 0, d);
	free(src);
	if (!cfg->raw)
		return false;
	if (cfg->raw->kind != VAL_MAP) {
		diag_error(d, cfg->file, 1, 1, "config.yaml should be a mapping of settings");
		return false;
	}
	schema_unknown_keys(cfg->raw, config_keys, NULL, "config key", cfg->file, d);

	cfg->title = schema_str(cfg->raw, "title", cfg->file, d);
	if (!cfg->title) {
		diag_error(d, cfg->file, 1, 1, "missing 'title', the name of the site");
		cfg->title = "";
	}
	cfg->base_url = normalise_base_url(a, cfg, d);
	cfg->language = schema_str(cfg->raw, "language", cfg->file, d);
	if (!cfg->language)
		cfg->language = "en-GB";
	cfg->output = schema_str(cfg->raw, "output", cfg->file, d);
	if (!cfg->output)
		cfg->output = "public";
	cfg->theme = schema_str(cfg->raw, "theme", cfg->file, d);
	if (!cfg->theme)
		cfg->theme = "default";
	else if (strchr(cfg->theme, '/') || cfg->theme[0] == '.') {
		const struct value *v = value_map_get(cfg->raw, "theme");
		diag_error(d, cfg->file, v->line, v->col,
			   "theme '%s' should be the name of a folder in themes/", cfg->theme);
		cfg->theme = "default";
	}

	md = value_map_get(cfg->raw, "markdown");
	if (md && md->kind == VAL_MAP) {
		schema_unknown_keys(md, markdown_keys, NULL, "markdown key", cfg->file, d);
		cfg->markdown_unsafe = schema_bool(md, "unsafe", false, cfg->file, d);
	} else if (md && md->kind != VAL_NULL) {
		diag_error(d, cfg->file, md->line, md->col, "'markdown' should be a mapping");
	}

	cfg->params = value_map_get(cfg->raw, "params");
	if (cfg->params && cfg->params->kind != VAL_MAP) {
		diag_error(d, cfg->file, cfg->params->line, cfg->params->col,
			   "'params' should be a mapping of the site's own values");
		cfg->params = NULL;
	}
	if (!cfg->params)
		cfg->params = value_map(a);

	load_guides(a, cfg, d);
	load_help(a, cfg, d);
	return true;
}

const struct guide *config_guide_by_folder(const struct config *cfg, const char *folder)
{
	for (size_t i = 0; i < cfg->n_guides; i++)
		if (!strcmp(cfg->guides[i].folder, folder))
			return &cfg->guides[i];
	return NULL;
}
