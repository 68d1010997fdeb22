/*
 * search.c: terms to postings to shards.
 *
 * A field's words count by weight: title 10, headings 4, keywords 3,
 * body 1, with at most BODY_CAP occurrences of one word in the body
 * counted, so long pages do not drown short precise ones.
 *
 * The work is shared by the render threads: the documents are indexed
 * in parts, each with its own terms, while one task stores the
 * metadata files; the parts are joined in document order; the terms'
 * postings are encoded in runs.  The calling thread plans the shards
 * and lists every file, so neither the files nor their order depend on
 * the threads.
 */
#include "emit/search.h"
#include "emit/tokenize.h"
#include "render/parallel.h"
#include "site/directory.h"
#include "util/escape.h"
#include "util/text.h"

#include <strings.h>

#define W_TITLE 10
#define W_KEYWORDS 3
#define W_HEADINGS 4
#define W_BODY 1
#define BODY_CAP 5

/* The most parts the documents are indexed in (and runs the terms are
 * encoded in), one for each thread: each part has a table of its
 * terms, and the memory of a large vocabulary grows with their number. */
#define MAX_PARTS 8

/* A document and a term's score in it.  A score past UINT16_MAX (a
 * word thousands of times in one page's headings) stays at UINT16_MAX. */
struct posting {
	uint32_t doc;
	uint16_t score;
};

/* A term of one part of the documents (see index_docs).  A large site
 * has millions of postings, so they are kept small: each closed one as
 * two varints (see put_varint), the difference from the document
 * before (the first: its document) and the score.  The last posting
 * stays open while its document is indexed, as its score grows. */
struct term {
	char *name;              /* owned */
	unsigned char *post;     /* owned: the closed postings; NULL once encoded */
	uint32_t len, cap;       /* of post, in bytes */
	uint32_t n;              /* postings, the open one included */
	uint32_t doc;            /* the open posting's document */
	uint32_t prev;           /* the last closed posting's document, or 0 */
	uint32_t body_hits;      /* in the open posting's body */
	uint16_t score;          /* the open posting's */
	struct term *more;       /* the same term in the next part that has it */
	/* the first part's terms only, once every part is joined to them */
	struct buf enc;          /* the postings, encoded (see search.h) */
	size_t shard;            /* the shard it is written in */
};

/* A slot of the hash table: the term's number plus one (0: empty) and
 * its hash, so that a probe rarely reads a term it does not want. */
struct slot {
	uint32_t term;
	uint32_t hash;
};

struct index {
	struct slot *slots;      /* open addressing, power of two */
	size_t cap;
	struct term *terms;      /* in the order they were met */
	size_t n, n_cap;
	uint32_t doc;            /* the document being added */
	uint32_t weight;
};

static void slot_put(struct index *ix, uint32_t term, uint32_t hash)
{
	size_t mask = ix->cap - 1, i = hash & mask;

	while (ix->slots[i].term)
		i = (i + 1) & mask;
	ix->slots[i] = (struct slot){ term, hash };
}

/* Borrowed (valid until the next lookup): the term called name, added
 * when it is new. */
static struct term *lookup(struct index *ix, const char *name)
{
	size_t len = strlen(name), mask, i;
	uint32_t hash = (uint32_t)text_hash(name, len);

	if (ix->n * 2 >= ix->cap) {
		struct slot *old = ix->slots;
		size_t old_cap = ix->cap;
		ix->cap = ix->cap ? ix->cap * 2 : 1024;
		ix->slots = xcalloc(ix->cap, sizeof(*ix->slots));
		for (size_t k = 0; k < old_cap; k++)
			if (old[k].term)
				slot_put(ix, old[k].term, old[k].hash);
		free(old);
	}
	mask = ix->cap - 1;
	for (i = hash & mask; ix->slots[i].term; i = (i + 1) & mask) {
		struct term *t = &ix->terms[ix->slots[i].term - 1];
		if (ix->slots[i].hash == hash && !strcmp(t->name, name))
			return t;
	}
	if (ix->n == ix->n_cap) {
		ix->n_cap = ix->n_cap ? ix->n_cap * 2 : 256;
		ix->terms = xrealloc(ix->terms, ix->n_cap * sizeof(*ix->terms));
	}
	ix->terms[ix->n] = (struct term){ .name = xstrndup(name, len) };
	ix->slots[i] = (struct slot){ (uint32_t)++ix->n, hash };
	return &ix->terms[ix->n - 1];
}

/* Appends v to t's postings in 7-bit groups, least significant first,
 * the top bit set on all but the last. */
static void put_varint(struct term *t, uint32_t v)
{
	if (t->len + 5 > t->cap) {
		/* by half, not double: the threads allocate memory new to the
		 * process, so room left unused adds to its peak */
		t->cap = t->cap ? t->cap + t->cap / 2 : 8;
		t->post = xrealloc(t->post, t->cap);
	}
	for (; v >= 128; v >>= 7)
		t->post[t->len++] = (unsigned char)(v | 128);
	t->post[t->len++] = (unsigned char)v;
}

static uint32_t get_varint(const unsigned char **p)
{
	uint32_t v = 0;

	for (unsigned shift = 0;; shift += 7) {
		unsigned char c = *(*p)++;
		v |= (uint32_t)(c & 127) << shift;
		if (c < 128)
			return v;
	}
}

static void close_posting(struct term *t)
{
	put_varint(t, t->doc - t->prev);
	put_varint(t, t->score);
	t->prev = t->doc;
}

static void add_term(void *ctx, const char *name, size_t pos)
{
	struct index *ix = ctx;
	struct term *t = lookup(ix, name);
	(void)pos;

	if (!t->n || t->doc != ix->doc) {
		if (t->n)
			close_posting(t);
		t->n++;
		t->doc = ix->doc;
		t->score = 0;
		t->body_hits = 0;
	}
	if (ix->weight == W_BODY && ++t->body_hits > BODY_CAP)
		return;
	t->score = t->score > UINT16_MAX - ix->weight ? UINT16_MAX : (uint16_t)(t->score + ix->weight);
}

/* A document's fields, in the order they are indexed, and their
 * weights. */
#define N_FIELDS 5
static const uint32_t field_weight[N_FIELDS] = { W_TITLE, W_KEYWORDS, W_HEADINGS, W_BODY, W_BODY };

static void doc_fields(const struct search_doc *d, const char *f[N_FIELDS])
{
	f[0] = d->title;
	f[1] = d->keywords;
	f[2] = d->headings;
	f[3] = d->body;
	f[4] = d->tables;
}

static void index_free(struct index *ix)
{
	for (size_t i = 0; i < ix->n; i++) {
		free(ix->terms[i].name);
		free(ix->terms[i].post);
		buf_free(&ix->terms[i].enc);
	}
	free(ix->terms);
	free(ix->slots);
}

/* Splits items [0, n) of the given weights into k runs of about equal
 * weight: run r is [bounds[r], bounds[r + 1]) (bounds has k + 1). */
static void split_runs(const size_t *weight, size_t n, size_t k, size_t *bounds)
{
	size_t total = 0, sum = 0, r = 1;

	for (size_t i = 0; i < n; i++)
		total += weight[i];
	bounds[0] = 0;
	for (size_t i = 0; i < n && r < k; i++) {
		sum += weight[i];
		while (r < k && sum * k >= total * r)
			bounds[r++] = i + 1;
	}
	while (r <= k)
		bounds[r++] = n;
}

struct meta_files;

/* The documents, in index order, split in parts that threads index
 * apart (see index_docs). */
struct indexing {
	const struct search_docs *docs;
	const size_t *order;     /* document i of the index is docs->v[order[i]] */
	size_t (*len)[N_FIELDS]; /* of document i's fields */
	size_t *bounds;          /* part k has documents [bounds[k], bounds[k + 1]) */
	struct index *parts;
	struct meta_files *meta;
};

static void index_part(const struct indexing *job, size_t k)
{
	struct index *ix = &job->parts[k];

	for (size_t i = job->bounds[k]; i < job->bounds[k + 1]; i++) {
		const char *f[N_FIELDS];
		doc_fields(&job->docs->v[job->order[i]], f);
		ix->doc = (uint32_t)i;
		for (size_t m = 0; m < N_FIELDS; m++) {
			if (!f[m])
				continue;
			ix->weight = field_weight[m];
			tokenize(f[m], job->len[i][m], add_term, ix);
		}
	}
	for (size_t i = 0; i < ix->n; i++)
		close_posting(&ix->terms[i]);
}

/* Joins every part's terms to the first part's: a term there lists,
 * through more, the same term in each later part that has it, in
 * order, so that its postings in all are in document order.  The last
 * part goes first, as each is put at the front of the lists. */
static void join_parts(struct index *parts, size_t n)
{
	for (size_t k = n; k-- > 1;) {
		for (size_t i = 0; i < parts[k].n; i++) {
			struct term *t = lookup(&parts[0], parts[k].terms[i].name);
			parts[k].terms[i].more = t->more;
			t->more = &parts[k].terms[i];
		}
	}
}

static int term_cmp(const void *a, const void *b)
{
	return strcmp((*(struct term *const *)a)->name, (*(struct term *const *)b)->name);
}

/* Sorts p[0..n) by score, best first, keeping the order of equal
 * scores (document order): two stable counting passes, a byte of the
 * score each, through tmp[0..n). */
static void sort_by_score(struct posting *p, struct posting *tmp, size_t n)
{
	for (unsigned shift = 0; shift < 16; shift += 8) {
		size_t at[257] = { 0 };
		struct posting *swap;
		for (size_t i = 0; i < n; i++)
			at[1 + (((UINT16_MAX - p[i].score) >> shift) & 255)]++;
		for (size_t d = 1; d < 256; d++)
			at[d] += at[d - 1];
		for (size_t i = 0; i < n; i++)
			tmp[at[((UINT16_MAX - p[i].score) >> shift) & 255]++] = p[i];
		swap = p;
		p = tmp;
		tmp = swap;
	}
}

/* A number as base-32 digits, least significant first, each digit a
 * character of the 64 from '#' to 'c' without the backslash: the digit
 * plus 32 when more digits follow. */
static void put_num(struct buf *b, uint32_t v)
{
	char digits[8];
	size_t n = 0;

	for (;;) {
		unsigned d = (v & 31) | (v >= 32 ? 32 : 0);
		char c = (char)('#' + d);
		digits[n++] = c >= '\\' ? (char)(c + 1) : c;
		if (v < 32)
			break;
		v >>= 5;
	}
	buf_add(b, digits, n);
}

/* Room for one term's postings in every part, and for sorting them. */
struct scratch {
	struct posting *p, *tmp;
	size_t cap;
};

/* Decodes t's postings in every part, in document order, into s->p
 * and returns how many; the parts' copies are freed (only the encoded
 * form is written). */
static size_t gather(struct term *t, struct scratch *s)
{
	size_t n = 0;

	for (struct term *m = t; m; m = m->more)
		n += m->n;
	if (n > s->cap) {
		s->cap = n;
		s->p = xrealloc(s->p, n * sizeof(*s->p));
		s->tmp = xrealloc(s->tmp, n * sizeof(*s->tmp));
	}
	n = 0;
	for (struct term *m = t; m; m = m->more) {
		const unsigned char *q = m->post;
		uint32_t doc = 0;
		for (uint32_t k = 0; k < m->n; k++, n++) {
			doc += get_varint(&q);
			s->p[n] = (struct posting){ doc, (uint16_t)get_varint(&q) };
		}
		free(m->post);
		m->post = NULL;
	}
	return n;
}

/* A term's postings as search.h says: groups of equal score, best
 * first, each its score, its size and its documents, the first as it
 * is and the others as the difference from the one before. */
static void encode_postings(struct term *t, struct scratch *s)
{
	size_t n = gather(t, s);
	const struct posting *p = s->p;

	sort_by_score(s->p, s->tmp, n);
	for (size_t i = 0, j; i < n; i = j) {
		for (j = i + 1; j < n && p[j].score == p[i].score; j++)
			;
		put_num(&t->enc, p[i].score);
		put_num(&t->enc, (uint32_t)(j - i));
		for (size_t k = i; k < j; k++)
			put_num(&t->enc, k == i ? p[k].doc : p[k].doc - p[k - 1].doc);
	}
}

/* The terms, sorted, split in runs that threads encode apart. */
struct encoding {
	struct term **terms;
	size_t *bounds;          /* run k has terms [bounds[k], bounds[k + 1]) */
};

static void encode_run(struct render_ctx *trc, size_t k, void *arg)
{
	const struct encoding *job = arg;
	struct scratch s = { 0 };
	(void)trc;

	for (size_t i = job->bounds[k]; i < job->bounds[k + 1]; i++)
		encode_postings(job->terms[i], &s);
	free(s.p);
	free(s.tmp);
}

/* Encodes terms[0..n) in k runs of about equal postings on rc's
 * threads. */
static void encode_terms(struct render_ctx *rc, struct term **terms, size_t n, size_t k)
{
	struct encoding job = { terms, xcalloc(k + 1, sizeof(size_t)) };
	size_t *postings = xcalloc(n + 1, sizeof(*postings));

	for (size_t i = 0; i < n; i++)
		for (const struct term *m = terms[i]; m; m = m->more)
			postings[i] += m->n;
	split_runs(postings, n, k, job.bounds);
	render_each(rc, k, encode_run, &job);
	free(postings);
	free(job.bounds);
}

/* The bytes a term takes in its shard: "name":"postings", */
static size_t term_bytes(const struct term *t)
{
	return strlen(t->name) + t->enc.len + 6;
}

/* Whether terms of these bytes make a small enough file: {…}\n without
 * the last comma. */
static bool fits(size_t bytes)
{
	return bytes + 2 <= SEARCH_SHARD_BYTES;
}

struct shard {
	char *key;               /* owned */
};

struct shards {
	struct shard *v;
	size_t n, cap;
};

static void shard_new(struct shards *sh, const char *name, size_t len)
{
	if (sh->n == sh->cap) {
		sh->cap = sh->cap ? sh->cap * 2 : 64;
		sh->v = xrealloc(sh->v, sh->cap * sizeof(*sh->v));
	}
	sh->v[sh->n++] = (struct shard){ xstrndup(name, len) };
}

static void shard_put(struct shards *sh, struct term **t, size_t n)
{
	for (size_t i = 0; i < n; i++)
		t[i]->shard = sh->n - 1;
}

struct group {
	size_t at, n, bytes;
	bool kept;               /* in the shard of the shorter key */
};

static int group_cmp(const void *a, const void *b)
{
	const struct group *x = a, *y = b;
	if (x->bytes != y->bytes)
		return x->bytes < y->bytes ? -1 : 1;
	return x->at < y->at ? -1 : x->at > y->at;
}

/* Splits the terms t[0..n), sorted, which all begin with the same len
 * characters, into shards of at most SEARCH_SHARD_BYTES where it can:
 * all of them under the key of those characters when they fit, else
 * by their next character, the groups that fit (smallest first) kept
 * with the term of exactly len characters under that key, the others
 * split again.  So every term is in the shard of the longest key that
 * begins it, and the terms that begin with a prefix are in the shards
 * whose keys begin with it or, when no key does, in the shard of the
 * longest key that begins the prefix.  Keys have one character or
 * more: the terms of each first character are planned apart. */
static void plan_shards(struct shards *sh, struct term **t, size_t n, size_t len)
{
	struct group *g;
	size_t ng = 0, bytes = 0, own = 0, kept;

	for (size_t i = 0; i < n; i++)
		bytes += term_bytes(t[i]);
	if (len && fits(bytes)) {
		shard_new(sh, t[0]->name, len);
		shard_put(sh, t, n);
		return;
	}
	if (n && strlen(t[0]->name) == len)
		own = 1;
	g = xcalloc(n, sizeof(*g));
	for (size_t i = own; i < n; i++) {
		if (i == own || t[i]->name[len] != t[i - 1]->name[len])
			g[ng++] = (struct group){ i, 0, 0, false };
		g[ng - 1].n++;
		g[ng - 1].bytes += term_bytes(t[i]);
	}
	qsort(g, ng, sizeof(*g), group_cmp);
	kept = own ? term_bytes(t[0]) : 0;
	for (size_t k = 0; k < ng; k++) {
		if (len && fits(kept + g[k].bytes)) {
			kept += g[k].bytes;
			g[k].kept = true;
		}
	}
	if (kept) {
		shard_new(sh, t[0]->name, len);
		shard_put(sh, t, own);
		for (size_t k = 0; k < ng; k++)
			if (g[k].kept)
				shard_put(sh, t + g[k].at, g[k].n);
	}
	for (size_t k = 0; k < ng; k++)
		if (!g[k].kept)
			plan_shards(sh, t + g[k].at, g[k].n, len + 1);
	free(g);
}

static void json_str(struct buf *b, const char *s)
{
	buf_addc(b, '"');
	escape_json(b, s ? s : "", s ? strlen(s) : 0);
	buf_addc(b, '"');
}

static unsigned tag_of(const struct render_ctx *rc, const struct search_doc *d)
{
	unsigned g = d->guide ? 1 + (unsigned)(d->guide - rc->site->cfg->guides) : 0;
	return g * 4 + (unsigned)d->kind;
}

static const char *const kind_names[] = { "page", "service", "organisation", "event" };

/* A phrase as the tokenizer sees it: its terms joined by spaces. */
static void norm_term(void *ctx, const char *term, size_t pos)
{
	struct buf *b = ctx;
	(void)pos;
	if (b->len)
		buf_addc(b, ' ');
	buf_adds(b, term);
}

/* One synonym group: its distinct phrases, tokenized, as a JSON array
 * after a comma when comma is set; nothing when fewer than two are
 * distinct (to the tokenizer "adoption orders" is "adoption order", and
 * a phrase of one letter is nothing).  Returns whether it wrote. */
static bool synonym_group(struct buf *b, const char *const *phrases, size_t n, bool comma)
{
	struct buf *t = xcalloc(n, sizeof(*t));
	size_t k = 0;

	for (size_t m = 0; m < n; m++) {
		bool dup;
		tokenize(phrases[m], strlen(phrases[m]), norm_term, &t[k]);
		dup = !t[k].len;
		for (size_t j = 0; j < k && !dup; j++)
			dup = !strcmp(buf_cstr(&t[j]), buf_cstr(&t[k]));
		if (dup)
			buf_reset(&t[k]);
		else
			k++;
	}
	if (k > 1) {
		if (comma)
			buf_addc(b, ',');
		buf_addc(b, '[');
		for (size_t m = 0; m < k; m++) {
			if (m)
				buf_addc(b, ',');
			json_str(b, buf_cstr(&t[m]));
		}
		buf_addc(b, ']');
	}
	for (size_t m = 0; m < n; m++)
		buf_free(&t[m]);
	free(t);
	return k > 1;
}

/* A document in the order of the index: by kind, then guide, else as
 * added, so that each tag (guide and kind) is one run of documents. */
struct doc_order {
	unsigned tag;
	size_t added;
};

static int order_cmp(const void *a, const void *b)
{
	const struct doc_order *x = a, *y = b;
	if ((x->tag & 3) != (y->tag & 3))
		return (x->tag & 3) < (y->tag & 3) ? -1 : 1;
	if (x->tag != y->tag)
		return x->tag < y->tag ? -1 : 1;
	return x->added < y->added ? -1 : x->added > y->added;
}

static void write_manifest(struct render_ctx *rc, const struct search_docs *docs,
			   const unsigned *tags, const struct shards *sh)
{
	struct buf b = BUF_INIT;
	const struct config *cfg = rc->site->cfg;
	const struct glossary *gl = rc->site->glossary;
	const struct directory_model *dm = rc->site->directory;
	bool first = true;

	buf_printf(&b, "{\"v\":2,\"docs\":%zu,\"chunk\":%d,\"tags\":[", docs->n, SEARCH_CHUNK);
	for (size_t i = 0, k = 0; i < docs->n; i++) {
		if (i && tags[i] == tags[i - 1])
			continue;
		buf_printf(&b, "%s[%zu,%u]", k++ ? "," : "", i, tags[i]);
	}
	buf_adds(&b, "],\"shards\":[");
	for (size_t i = 0; i < sh->n; i++) {
		if (i)
			buf_addc(&b, ',');
		json_str(&b, sh->v[i].key);
	}
	buf_adds(&b, "],\"kinds\":[");
	for (size_t k = 0; k < ARRAY_LEN(kind_names); k++) {
		if (k)
			buf_addc(&b, ',');
		json_str(&b, kind_names[k]);
	}
	buf_adds(&b, "],\"guides\":[");
	for (size_t g = 0; g < cfg->n_guides; g++) {
		if (g)
			buf_addc(&b, ',');
		buf_adds(&b, "{\"id\":");
		json_str(&b, cfg->guides[g].id);
		buf_adds(&b, ",\"title\":");
		json_str(&b, cfg->guides[g].title);
		buf_addc(&b, '}');
	}
	buf_adds(&b, "],\"synonyms\":[");
	for (size_t g = 0; gl && g < gl->n; g++) {
		const struct gloss_term *t = &gl->terms[g];
		const char **phrases = xcalloc(t->n_match + 1, sizeof(*phrases));
		size_t np = 0;
		phrases[np++] = t->term;
		for (size_t m = 0; m < t->n_match; m++)
			if (strcasecmp(t->match[m], t->term))
				phrases[np++] = t->match[m];
		if (np > 1 && synonym_group(&b, phrases, np, !first))
			first = 0;
		free(phrases);
	}
	/* the directory's vocabularies: a term's label and its synonyms */
	for (int v = 0; dm && v < VOCAB_COUNT; v++) {
		const struct vocabulary *voc = &dm->dir->tax.v[v];
		for (size_t i = 0; i < voc->n; i++) {
			const struct vocab_term *t = &voc->terms[i];
			const char **phrases;
			size_t np = 0;
			if (!t->synonyms || !t->synonyms->len)
				continue;
			phrases = xcalloc(t->synonyms->len + 1, sizeof(*phrases));
			phrases[np++] = t->label;
			for (size_t k = 0; k < t->synonyms->len; k++)
				phrases[np++] = t->synonyms->items[k]->str;
			if (synonym_group(&b, phrases, np, !first))
				first = 0;
			free(phrases);
		}
	}
	buf_adds(&b, "]}\n");
	outputs_add(rc, "search/manifest.json", &b);
}

struct shard_rank {
	const char *key;
	size_t planned;
};

static int shard_cmp(const void *a, const void *b)
{
	return strcmp(((const struct shard_rank *)a)->key, ((const struct shard_rank *)b)->key);
}

/* terms: sorted by shard, then by name */
static void write_shards(struct render_ctx *rc, const struct shards *sh, struct term **terms, size_t n)
{
	size_t i = 0;

	while (i < n) {
		size_t s = terms[i]->shard;
		struct buf b = BUF_INIT;
		buf_addc(&b, '{');
		for (size_t first = i; i < n && terms[i]->shard == s; i++) {
			if (i > first)
				buf_addc(&b, ',');
			json_str(&b, terms[i]->name);
			buf_adds(&b, ":\"");
			buf_add(&b, terms[i]->enc.data, terms[i]->enc.len);
			buf_addc(&b, '"');
		}
		buf_adds(&b, "}\n");
		outputs_add(rc, arena_printf(rc->a, "search/s/%s.json", sh->v[s].key), &b);
	}
}

/* The metadata files.  They do not depend on the index: one task
 * stores them while the others index (see index_docs), and they are
 * listed after the shards. */
struct meta_files {
	const struct search_docs *docs;
	const size_t *order;
	size_t n;
	const char **paths;      /* arena */
	const struct html_refs **refs;
};

static void store_meta(struct render_ctx *trc, struct meta_files *m)
{
	const struct search_docs *docs = m->docs;

	for (size_t c = 0; c < m->n; c++) {
		struct buf b = BUF_INIT;
		buf_addc(&b, '[');
		for (size_t i = c * SEARCH_CHUNK; i < docs->n && i < (c + 1) * SEARCH_CHUNK; i++) {
			const struct search_doc *d = &docs->v[m->order[i]];
			if (i > c * SEARCH_CHUNK)
				buf_addc(&b, ',');
			buf_addc(&b, '[');
			json_str(&b, d->url);
			buf_addc(&b, ',');
			json_str(&b, d->title);
			buf_printf(&b, ",%d,", (int)d->kind);
			json_str(&b, d->guide ? d->guide->id : "");
			buf_addc(&b, ',');
			json_str(&b, d->summary);
			buf_addc(&b, ']');
		}
		buf_adds(&b, "]\n");
		m->paths[c] = arena_printf(trc->a, "search/m/%zu.json", c);
		m->refs[c] = outputs_store(trc->out, m->paths[c], b.data, b.len, trc->d);
		buf_free(&b);
	}
}

static void list_meta(struct render_ctx *rc, const struct meta_files *m)
{
	for (size_t c = 0; c < m->n; c++)
		outputs_list(rc->out, m->paths[c], m->refs[c]);
}

/* Task 0 stores the metadata files (first, as the longest task), task
 * k + 1 indexes part k. */
static void first_pass(struct render_ctx *trc, size_t k, void *arg)
{
	const struct indexing *job = arg;

	if (k == 0)
		store_meta(trc, job->meta);
	else
		index_part(job, k - 1);
}

/* Owned (free each with index_free, then the array): the documents
 * (order as in struct indexing) indexed in n parts of about equal text
 * on rc's threads, then joined to the first, and meta stored.  Each
 * part's postings are in document order, and so are the parts. */
static struct index *index_docs(struct render_ctx *rc, const struct search_docs *docs,
				const size_t *order, size_t n, struct meta_files *meta)
{
	struct indexing job = { docs, order, xcalloc(docs->n + 1, sizeof(*job.len)),
				xcalloc(n + 1, sizeof(size_t)), xcalloc(n, sizeof(struct index)),
				meta };
	size_t *bytes = xcalloc(docs->n + 1, sizeof(*bytes));

	for (size_t i = 0; i < docs->n; i++) {
		const char *f[N_FIELDS];
		doc_fields(&docs->v[order[i]], f);
		for (size_t m = 0; m < N_FIELDS; m++) {
			job.len[i][m] = f[m] ? strlen(f[m]) : 0;
			bytes[i] += job.len[i][m];
		}
	}
	split_runs(bytes, docs->n, n, job.bounds);
	render_each(rc, n + 1, first_pass, &job);
	join_parts(job.parts, n);
	free(bytes);
	free(job.len);
	free(job.bounds);
	return job.parts;
}

static int by_shard_cmp(const void *a, const void *b)
{
	const struct term *x = *(struct term *const *)a, *y = *(struct term *const *)b;
	if (x->shard != y->shard)
		return x->shard < y->shard ? -1 : 1;
	return strcmp(x->name, y->name);
}

void search_emit(struct render_ctx *rc, const struct search_docs *docs)
{
	struct shards sh = { 0 };
	struct index *parts;
	struct term **terms;
	struct doc_order *ord = xcalloc(docs->n + 1, sizeof(*ord));
	struct shard_rank *sr;
	struct shard *sorted;
	size_t n, *order = xcalloc(docs->n + 1, sizeof(*order)), *rank;
	size_t n_parts = rc->jobs < 1 ? 1 : rc->jobs > MAX_PARTS ? MAX_PARTS : (size_t)rc->jobs;
	unsigned *tags = xcalloc(docs->n + 1, sizeof(*tags));
	struct meta_files meta = { .docs = docs, .order = order,
				   .n = (docs->n + SEARCH_CHUNK - 1) / SEARCH_CHUNK };

	/* the documents by tag; the index numbers them in that order */
	for (size_t i = 0; i < docs->n; i++)
		ord[i] = (struct doc_order){ tag_of(rc, &docs->v[i]), i };
	qsort(ord, docs->n, sizeof(*ord), order_cmp);
	for (size_t i = 0; i < docs->n; i++) {
		order[i] = ord[i].added;
		tags[i] = ord[i].tag;
	}
	meta.paths = xcalloc(meta.n + 1, sizeof(*meta.paths));
	meta.refs = xcalloc(meta.n + 1, sizeof(*meta.refs));
	parts = index_docs(rc, docs, order, n_parts, &meta);
	n = parts[0].n;
	terms = xcalloc(n + 1, sizeof(*terms));
	for (size_t i = 0; i < n; i++)
		terms[i] = &parts[0].terms[i];
	qsort(terms, n, sizeof(*terms), term_cmp);
	encode_terms(rc, terms, n, n_parts);

	/* the shards, planned, then numbered in the order of their keys */
	plan_shards(&sh, terms, n, 0);
	sr = xcalloc(sh.n + 1, sizeof(*sr));
	rank = xcalloc(sh.n + 1, sizeof(*rank));
	sorted = xcalloc(sh.n + 1, sizeof(*sorted));
	for (size_t i = 0; i < sh.n; i++)
		sr[i] = (struct shard_rank){ sh.v[i].key, i };
	qsort(sr, sh.n, sizeof(*sr), shard_cmp);
	for (size_t i = 0; i < sh.n; i++) {
		rank[sr[i].planned] = i;
		sorted[i] = sh.v[sr[i].planned];
	}
	free(sh.v);
	sh.v = sorted;
	for (size_t i = 0; i < n; i++)
		terms[i]->shard = rank[terms[i]->shard];
	qsort(terms, n, sizeof(*terms), by_shard_cmp);

	write_manifest(rc, docs, tags, &sh);
	write_shards(rc, &sh, terms, n);
	list_meta(rc, &meta);
	/* serve's update of a built site: the files no longer made go */
	if (rc->out->updating) {
		outputs_retire(rc->out, "search/s/");
		outputs_retire(rc->out, "search/m/");
	}

	for (size_t k = 0; k < n_parts; k++)
		index_free(&parts[k]);
	free(parts);
	free(meta.paths);
	free(meta.refs);
	for (size_t i = 0; i < sh.n; i++)
		free(sh.v[i].key);
	free(sh.v);
	free(sr);
	free(rank);
	free(terms);
	free(order);
	free(tags);
	free(ord);
}
