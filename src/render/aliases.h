/*
 * aliases.h: a page's former addresses (front matter `aliases`).  Each
 * becomes a small page that sends the reader on to where the page is
 * now: an immediate refresh, a canonical link, and a plain link for
 * whoever the refresh does not move.  Kept out of the sitemap and out
 * of search engines' indexes.
 */
#ifndef SIGNPOST_ALIASES_H
#define SIGNPOST_ALIASES_H

#include "render/render.h"

/* Writes every page's alias pages.  An alias that is not an address on
 * this site ("/old/address/" or "/old/page.html"), or that is a page's
 * address or another alias, is an error at its line in front matter. */
void render_aliases(struct render_ctx *rc);

#endif
