/*
 * search.h: the build-time search index.  Renderers describe what they
 * made as search documents; the index is written as small JSON files
 * under search/ so that a one-word query fetches the manifest, one
 * shard and the metadata of the results it shows:
 *
 *   search/manifest.json   version, shard keys, synonym groups, guides,
 *                          kinds, documents per metadata chunk
 *   search/s/KEY.json      the terms starting with KEY (their first two
 *                          characters): {"term": [doc, score, tag, …]}
 *                          with postings by score, best first; tag is
 *                          guide * 4 + kind (guide 0: none, else 1 + the
 *                          guide's index)
 *   search/m/N.json        documents N*C … N*C+C-1: [url, title, kind,
 *                          guide id, summary]
 *
 * Deterministic: documents keep the order they were added, terms and
 * shards are sorted.
 */
#ifndef SIGNPOST_SEARCH_H
#define SIGNPOST_SEARCH_H

#include "render/render.h"

/* Documents per metadata file. */
#define SEARCH_CHUNK 16

/* Writes the index files into rc's outputs.  Synonym groups come from
 * the site's glossary: a term and the words that match it. */
void search_emit(struct render_ctx *rc, const struct search_docs *docs);

#endif
