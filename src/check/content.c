/*
 * content.c: reading level per page, required topics per guide,
 * freshness of review dates.
 */
#include "check/check.h"
#include "check/readability.h"

/* Pages with fewer words than this are too short to score fairly. */
#define READABILITY_MIN_WORDS 40

/* The line of the paragraph that holds offset off of the prose. */
static int line_at(const struct md_doc *doc, size_t off)
{
	int line = 0;
	for (size_t i = 0; i < doc->n_paras && doc->paras[i].off <= off; i++)
		line = doc->paras[i].line;
	return line;
}

void check_readability(struct check_ctx *ctx)
{
	const struct site *site = ctx->site;

	for (size_t i = 0; i < site->n_pages; i++) {
		const struct page *p = site->pages[i];
		const struct md_doc *doc = &ctx->docs[i];
		long target = p->src->reading_level ? p->src->reading_level :
			      p->guide ? p->guide->reading_level : 0;
		struct readability r;

		if (!target || !doc->prose)
			continue;
		readability_score(doc->prose, doc->prose_len, &r);
		if (r.words < READABILITY_MIN_WORDS || r.grade <= (double)target)
			continue;
		check_report(ctx, RULE_READABILITY, (long)i, p->src->path,
			     line_at(doc, r.longest_off), 0,
			     "reads at grade %.1f (reading ease %.0f), above the target of grade %ld; longest sentence (%zu words): \"%.*s%s\"",
			     r.grade, r.ease, target, r.longest_words,
			     (int)(r.longest_len > 200 ? 200 : r.longest_len),
			     doc->prose + r.longest_off, r.longest_len > 200 ? "…" : "");
	}
}

static bool has_topic(const struct page *p, const char *topic)
{
	const struct value *t = p->src->topics;
	for (size_t i = 0; t && i < t->len; i++)
		if (!strcmp(t->items[i]->str, topic))
			return true;
	return false;
}

void check_required_topics(struct check_ctx *ctx)
{
	const struct site *site = ctx->site;

	for (size_t g = 0; g < site->cfg->n_guides; g++) {
		const struct guide *guide = &site->cfg->guides[g];
		const struct value *req = guide->required_topics;

		for (size_t k = 0; req && k < req->len; k++) {
			const char *topic = req->items[k]->str;
			bool found = false;
			for (size_t i = 0; i < site->n_pages && !found; i++)
				found = site->pages[i]->guide == guide &&
					has_topic(site->pages[i], topic);
			if (!found)
				check_report(ctx, RULE_REQUIRED_TOPICS, -1, site->cfg->file,
					     req->items[k]->line, req->items[k]->col,
					     "guide '%s' requires topic '%s', but no page in content/%s/ lists it in 'topics'",
					     guide->id, topic, guide->folder);
		}
	}
}

void check_freshness(struct check_ctx *ctx)
{
	const struct site *site = ctx->site;

	for (size_t i = 0; i < site->n_pages; i++) {
		const struct source *s = site->pages[i]->src;
		const struct value *v;

		if (s->review_by && strcmp(s->review_by, ctx->today) < 0) {
			v = value_map_get(s->fm, "review_by");
			check_report(ctx, RULE_REVIEW_DUE, (long)i, s->path, v->line, v->col,
				     "review_by %s has passed", s->review_by);
		}
		if (s->last_reviewed &&
		    check_days_between(s->last_reviewed, ctx->today) > ctx->stale_after_days) {
			v = value_map_get(s->fm, "last_reviewed");
			check_report(ctx, RULE_STALE, (long)i, s->path, v->line, v->col,
				     "last reviewed %s, more than %ld days ago", s->last_reviewed,
				     ctx->stale_after_days);
		}
	}
}
