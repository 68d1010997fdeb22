/*
 * check.h: the content checks, run after rendering on what was made:
 * links and anchors, accessibility of the Markdown, reading level,
 * required topics, freshness, orphan pages.  Each problem belongs to a
 * rule; config.yaml's `checks:` turns a rule off or sets its severity,
 * and a Markdown comment `<!-- signpost: ignore RULE -->` exempts its
 * own line and the next.
 */
#ifndef SIGNPOST_CHECK_H
#define SIGNPOST_CHECK_H

#include "render/render.h"

struct check_ctx {
	struct arena *a;
	struct diags *d;
	const struct site *site;
	const struct outputs *out;
	const struct md_doc *docs;     /* docs[i] belongs to site->pages[i] */
	const char *today;             /* YYYY-MM-DD */
	const char *const *assets;     /* static files, sorted relative paths */
	size_t n_assets;
	bool external;                 /* also fetch external links (--external) */
	/* from config `checks:` */
	int *level;                    /* per rule: -1 off, DIAG_WARNING, DIAG_ERROR */
	long stale_after_days;
};

enum check_rule {
	RULE_BROKEN_LINK,
	RULE_CROSS_GUIDE,
	RULE_CONTACT_LINK,
	RULE_EXTERNAL_URL,
	RULE_EXTERNAL_LINK,
	RULE_HEADING_ORDER,
	RULE_EXTRA_H1,
	RULE_IMAGE_ALT,
	RULE_LINK_TEXT,
	RULE_EMPTY_LINK,
	RULE_TABLE_HEADER,
	RULE_DUPLICATE_ID,
	RULE_READABILITY,
	RULE_REQUIRED_TOPICS,
	RULE_REVIEW_DUE,
	RULE_STALE,
	RULE_ORPHAN,
	RULE_COUNT
};

/* Runs every check.  ctx->level and stale_after_days are set from the
 * config here. */
void check_site(struct check_ctx *ctx);

/* Reports a problem of rule at file:line:col for page (an index into
 * site->pages, or -1), unless the rule is off or the line is exempted. */
void check_report(struct check_ctx *ctx, enum check_rule rule, long page,
		  const char *file, int line, int col, const char *fmt, ...)
	__attribute__((format(printf, 7, 8)));

/* The checks, one file each. */
void check_links(struct check_ctx *ctx);
void check_markdown(struct check_ctx *ctx);
void check_readability(struct check_ctx *ctx);
void check_required_topics(struct check_ctx *ctx);
void check_freshness(struct check_ctx *ctx);

/* A link to another site, found by check_links, for check_external. */
struct external_link {
	const char *url;
	const char *file;              /* where to report it */
	int line, col;
	long page;
};

/* Fetches each distinct URL of links[0..n) (HEAD, then GET when HEAD is
 * refused) with a timeout and reports those that fail or answer 400 or
 * more, at every place that links to them. */
void check_external(struct check_ctx *ctx, const struct external_link *links, size_t n);

/* Days from date a to date b (both YYYY-MM-DD, valid). */
long check_days_between(const char *a, const char *b);

#endif
