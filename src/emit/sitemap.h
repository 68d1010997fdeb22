/*
 * sitemap.h: sitemap.xml and robots.txt.
 */
#ifndef SIGNPOST_SITEMAP_H
#define SIGNPOST_SITEMAP_H

#include "render/render.h"

/* Appends the sitemap to b: every output marked in_sitemap, in URL
 * order, with its lastmod when known. */
void sitemap_xml(const struct site *site, const struct outputs *files, struct buf *b);
/* Appends robots.txt, pointing at the sitemap, to out. */
void sitemap_robots(const struct site *site, struct buf *out);

#endif
