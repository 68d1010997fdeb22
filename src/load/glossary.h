/*
 * glossary.h: content/glossary.yaml, the words a site explains: each
 * term with the words that match it in pages, a default explanation,
 * and each guide's own wording.
 */
#ifndef SIGNPOST_GLOSSARY_H
#define SIGNPOST_GLOSSARY_H

#include "load/config.h"

struct gloss_term {
	const char *id;            /* slug of the term: the anchor on words pages */
	const char *term;
	const char **match;        /* arena; at least the term itself */
	size_t n_match;
	const char *definition;
	const struct value *guides; /* map guide id -> its own explanation, or NULL */
	int line, col;
};

struct glossary {
	struct gloss_term *terms;        /* sorted by term, case-insensitively */
	size_t n;
};

/* Arena: loads site_dir/content/glossary.yaml when it exists (an empty
 * glossary otherwise). */
void glossary_load(struct arena *a, const char *site_dir, const struct config *cfg,
		   struct glossary *out, struct diags *d);

/* Borrowed: term t explained in guide g's words (its own, else the
 * default). */
const char *glossary_definition(const struct gloss_term *t, const struct guide *g);

#endif
