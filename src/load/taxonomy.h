/*
 * taxonomy.h: content/directory/taxonomy.yaml, the controlled
 * vocabularies that directory records must use: audiences, categories,
 * tiers, funding routes, delivery modes, areas (regions and local
 * authorities, with a parent), organisation kinds, evidence levels and
 * age bands.  Each term has an id, a label, an optional description and
 * synonyms.
 */
#ifndef SIGNPOST_TAXONOMY_H
#define SIGNPOST_TAXONOMY_H

#include "util/diag.h"
#include "util/value.h"

enum vocab {
	VOCAB_AUDIENCES,
	VOCAB_CATEGORIES,
	VOCAB_TIERS,
	VOCAB_FUNDING,
	VOCAB_DELIVERY,
	VOCAB_AREAS,
	VOCAB_ORG_KINDS,
	VOCAB_EVIDENCE,
	VOCAB_AGE_BANDS,
	VOCAB_COUNT
};

struct vocab_term {
	const char *id;            /* lower-case letters, digits, hyphens */
	const char *label;
	const char *description;   /* NULL when absent */
	const struct value *synonyms; /* list of strings, or NULL */
	enum vocab vocab;
	size_t index;              /* position in its vocabulary */
	const struct vocab_term *parent; /* areas: the enclosing area, or NULL */
	const char *kind;          /* areas: e.g. "region", "local-authority"; or NULL */
	const char *group;         /* categories: heading to group under, or NULL */
	const char *guide;         /* audiences: the guide id it matches, or NULL */
	bool public_body;          /* organisation kinds: a public authority */
	long min_age, max_age;     /* age bands, inclusive */
	const struct value *raw;   /* the term's mapping */
	int line, col;
};

struct vocabulary {
	struct vocab_term *terms;        /* in file order */
	size_t n;
	const struct vocab_term **sorted; /* by id, for lookups */
	bool present;              /* the file has this key */
};

struct taxonomy {
	const char *file;          /* "content/directory/taxonomy.yaml" */
	struct vocabulary v[VOCAB_COUNT];
};

/* The key of a vocabulary in taxonomy.yaml ("categories"), and the noun
 * for one of its terms in messages ("category"). */
const char *vocab_key(enum vocab v);
const char *vocab_noun(enum vocab v);

/*
 * Arena: parses taxonomy.yaml from src[0..len) into t.  Problems become
 * diagnostics for file; returns false when nothing could be used (t is
 * then empty but valid).
 */
bool taxonomy_parse(struct arena *a, const char *file, const char *src, size_t len,
		    struct taxonomy *t, struct diags *d);

/* Borrowed: the term of vocabulary v with this id, or NULL. */
const struct vocab_term *taxonomy_find(const struct taxonomy *t, enum vocab v, const char *id);

/*
 * Borrowed: the term named by the string value item (from a record in
 * file), or NULL after an error at the item: "unknown category
 * 'therapys' (did you mean 'therapy'?)".  The suggestion is the nearest
 * id, or the term whose label or synonym the item matches.
 */
const struct vocab_term *taxonomy_resolve(const struct taxonomy *t, enum vocab v,
				    const struct value *item, const char *file,
				    struct diags *d);

#endif
