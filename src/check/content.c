/*
 * content.c: reading level and required topics.
 */
#include "check/content.h"
#include "check/readability.h"

/* The line of the paragraph that holds offset off of the prose. */
static int line_at(const struct md_doc *doc, size_t off)
{
	int line = 0;
	for (size_t i = 0; i < doc->n_paras && doc->paras[i].off <= off; i++)
		line = doc->paras[i].line;
	return line;
}

void check_readability(struct arena *a, const struct site *site,
		       const struct md_doc *docs, struct diags *d)
{
	(void)a;
	for (size_t i = 0; i < site->n_pages; i++) {
		const struct page *p = site->pages[i];
		const struct md_doc *doc = &docs[i];
		long target = p->src->reading_level ? p->src->reading_level :
			      p->guide ? p->guide->reading_level : 0;
		struct readability r;

		if (!target || !doc->prose)
			continue;
		readability_score(doc->prose, doc->prose_len, &r);
		if (r.words < READABILITY_MIN_WORDS || r.grade <= (double)target)
			continue;
		diag_warning(d, p->src->path, line_at(doc, r.longest_off), 0,
			     "reads at grade %.1f (reading ease %.0f), above the target of grade %ld; longest sentence (%zu words): \"%.*s\"",
			     r.grade, r.ease, target, r.longest_words,
			     (int)(r.longest_len > 300 ? 300 : r.longest_len),
			     doc->prose + r.longest_off);
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

void check_required_topics(const struct site *site, struct diags *d)
{
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
				diag_error(d, site->cfg->file, req->items[k]->line, req->items[k]->col,
					   "guide '%s' requires topic '%s', but no page in content/%s/ lists it in 'topics'",
					   guide->id, topic, guide->folder);
		}
	}
}
