/*
 * rules.c: rule names and default severities, config.yaml's `checks:`,
 * exemptions, and reporting.
 */
#include "check/check.h"
#include "util/text.h"

#include <stdarg.h>

struct rule_info {
	const char *name;
	enum diag_level level;
};

static const struct rule_info rules[RULE_COUNT] = {
	[RULE_BROKEN_LINK] = { "broken-link", DIAG_ERROR },
	[RULE_CROSS_GUIDE] = { "cross-guide", DIAG_WARNING },
	[RULE_CONTACT_LINK] = { "contact-link", DIAG_ERROR },
	[RULE_EXTERNAL_URL] = { "external-url", DIAG_ERROR },
	[RULE_EXTERNAL_LINK] = { "external-link", DIAG_ERROR },
	[RULE_HEADING_ORDER] = { "heading-order", DIAG_WARNING },
	[RULE_EXTRA_H1] = { "extra-h1", DIAG_ERROR },
	[RULE_IMAGE_ALT] = { "image-alt", DIAG_ERROR },
	[RULE_LINK_TEXT] = { "link-text", DIAG_WARNING },
	[RULE_EMPTY_LINK] = { "empty-link", DIAG_ERROR },
	[RULE_TABLE_HEADER] = { "table-header", DIAG_ERROR },
	[RULE_DUPLICATE_ID] = { "duplicate-id", DIAG_ERROR },
	[RULE_READABILITY] = { "readability", DIAG_WARNING },
	[RULE_REQUIRED_TOPICS] = { "required-topics", DIAG_ERROR },
	[RULE_REVIEW_DUE] = { "review-due", DIAG_WARNING },
	[RULE_STALE] = { "stale", DIAG_WARNING },
	[RULE_ORPHAN] = { "orphan", DIAG_WARNING },
};

#define STALE_AFTER_DAYS_DEFAULT 365

static void read_config(struct check_ctx *ctx)
{
	const char *names[RULE_COUNT + 2];
	const struct value *m = value_map_get(ctx->site->cfg->raw, "checks");
	const char *file = ctx->site->cfg->file;

	ctx->level = arena_alloc(ctx->a, RULE_COUNT * sizeof(*ctx->level));
	for (int r = 0; r < RULE_COUNT; r++) {
		ctx->level[r] = (int)rules[r].level;
		names[r] = rules[r].name;
	}
	names[RULE_COUNT] = "stale-after-days";
	names[RULE_COUNT + 1] = NULL;
	ctx->stale_after_days = STALE_AFTER_DAYS_DEFAULT;
	if (!m || m->kind == VAL_NULL)
		return;
	if (m->kind != VAL_MAP) {
		diag_error(ctx->d, file, m->line, m->col,
			   "'checks' should map rule names to off, warning or error");
		return;
	}
	for (size_t i = 0; i < m->len; i++) {
		const struct value_pair *p = &m->pairs[i];
		const struct value *v = p->val;
		int r;

		if (!strcmp(p->key, "stale-after-days")) {
			char *end;
			long n = v->kind == VAL_STRING ? strtol(v->str, &end, 10) : -1;
			if (v->kind != VAL_STRING || *end || n < 1)
				diag_error(ctx->d, file, v->line, v->col,
					   "'stale-after-days' should be a whole number of days");
			else
				ctx->stale_after_days = n;
			continue;
		}
		for (r = 0; r < RULE_COUNT && strcmp(rules[r].name, p->key); r++)
			;
		if (r == RULE_COUNT) {
			const char *hint = text_suggest(p->key, names, RULE_COUNT + 1);
			if (hint)
				diag_error(ctx->d, file, p->line, p->col,
					   "unknown check '%s' (did you mean '%s'?)", p->key, hint);
			else
				diag_error(ctx->d, file, p->line, p->col, "unknown check '%s'", p->key);
			continue;
		}
		if (v->kind == VAL_STRING && !strcmp(v->str, "error"))
			ctx->level[r] = DIAG_ERROR;
		else if (v->kind == VAL_STRING && !strcmp(v->str, "warning"))
			ctx->level[r] = DIAG_WARNING;
		else if ((v->kind == VAL_STRING && !strcmp(v->str, "off")) ||
			 (v->kind == VAL_BOOL && !v->boolean))
			ctx->level[r] = -1;
		else
			diag_error(ctx->d, file, v->line, v->col,
				   "check '%s' should be off, warning or error", p->key);
	}
}

static bool ignored(const struct check_ctx *ctx, enum check_rule rule, long page, int line)
{
	const struct md_doc *doc;

	if (page < 0 || line <= 0)
		return false;
	doc = &ctx->docs[page];
	for (size_t i = 0; i < doc->n_ignores; i++) {
		const struct md_ignore *g = &doc->ignores[i];
		if ((line == g->line || line == g->line + 1) &&
		    (!strcmp(g->rule, rules[rule].name) || !strcmp(g->rule, "all")))
			return true;
	}
	return false;
}

void check_report(struct check_ctx *ctx, enum check_rule rule, long page,
		  const char *file, int line, int col, const char *fmt, ...)
{
	char msg[1024];
	va_list ap;

	if (ctx->level[rule] < 0 || ignored(ctx, rule, page, line))
		return;
	va_start(ap, fmt);
	vsnprintf(msg, sizeof(msg), fmt, ap);
	va_end(ap);
	diag_add(ctx->d, (enum diag_level)ctx->level[rule], file, line, col, "%s [%s]", msg,
		 rules[rule].name);
}

long check_days_between(const char *a, const char *b)
{
	/* days from civil (Howard Hinnant's algorithm) */
	long days[2];
	const char *s[2] = { a, b };
	for (int i = 0; i < 2; i++) {
		long y = strtol(s[i], NULL, 10), m = strtol(s[i] + 5, NULL, 10),
		     d = strtol(s[i] + 8, NULL, 10);
		y -= m <= 2;
		long era = (y >= 0 ? y : y - 399) / 400;
		long yoe = y - era * 400;
		long doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
		long doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
		days[i] = era * 146097 + doe - 719468;
	}
	return days[1] - days[0];
}

void check_site(struct check_ctx *ctx)
{
	read_config(ctx);
	check_markdown(ctx);
	check_links(ctx);
	check_readability(ctx);
	check_required_topics(ctx);
	check_freshness(ctx);
}
