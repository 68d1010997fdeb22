/*
 * search.h: the build-time search index.  Renderers describe what they
 * made as search documents; the index is written as small JSON files
 * under search/ so that a one-word query fetches the manifest, the
 * shard that holds its term and the metadata of the results it shows:
 *
 *   search/manifest.json   version (2), documents, documents per
 *                          metadata chunk, tags, shard keys (sorted),
 *                          kinds, guides, synonym groups
 *   search/s/KEY.json      terms: {"term": "postings", …}, each term in
 *                          the shard of the longest key that begins it
 *                          (a shard holds at most SEARCH_SHARD_BYTES
 *                          where one term does not need more); the terms
 *                          that begin with a prefix are in the shards
 *                          whose keys begin with it or, when no key does,
 *                          in the shard of the longest key that begins it
 *   search/m/N.json        documents N*C … N*C+C-1: [url, title, kind,
 *                          guide id, summary]
 *
 * Postings are a string of numbers, each as base-32 digits, least
 * significant first, a digit d written as the character '#' + d + 32
 * when more digits follow, else '#' + d, one more when that reaches the
 * backslash (so '#' to 'c' without '\').  The numbers are groups of
 * documents with the same score, best score first: the score, the
 * number of documents, then the documents in order, the first as its
 * number, the others as the difference from the one before.
 *
 * A document's tag is guide * 4 + kind (guide 0: none, else 1 + the
 * guide's index).  Documents are numbered by kind, then guide, else in
 * the order they were added, so that the manifest's "tags" is a short
 * list of [first document, tag] for each run of documents with one tag.
 *
 * Deterministic: the same documents give the same files.
 */
#ifndef SIGNPOST_SEARCH_H
#define SIGNPOST_SEARCH_H

#include "render/render.h"

/* Documents per metadata file. */
#define SEARCH_CHUNK 8

/* The size of a shard the index aims for, in bytes. */
#define SEARCH_SHARD_BYTES 8192

/* Writes the index files into rc's outputs, with the work shared by
 * rc->jobs threads (render/parallel.h).  Synonym groups come from the
 * site's glossary: a term and the words that match it. */
void search_emit(struct render_ctx *rc, const struct search_docs *docs);

#endif
