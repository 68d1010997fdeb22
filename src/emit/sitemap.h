/*
 * sitemap.h: sitemap.xml and robots.txt.
 */
#ifndef SIGNPOST_SITEMAP_H
#define SIGNPOST_SITEMAP_H

#include "site/site.h"
#include "util/buf.h"

/* Appends the sitemap (every page, in URL order) to out. */
void sitemap_xml(const struct site *site, struct buf *out);
/* Appends robots.txt, pointing at the sitemap, to out. */
void sitemap_robots(const struct site *site, struct buf *out);

#endif
