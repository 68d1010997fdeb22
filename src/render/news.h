/*
 * news.h: the news feed.  News posts are the Markdown pages under
 * content/news/ (content/news/_index.md is the news list); each has a
 * 'date'.  Pages list them newest first (see site.h); this adds the
 * Atom feed of the newest NEWS_FEED_MAX posts at /feed.xml.
 */
#ifndef SIGNPOST_RENDER_NEWS_H
#define SIGNPOST_RENDER_NEWS_H

#include "render/render.h"

/* Most posts in the feed. */
#define NEWS_FEED_MAX 20

/* Writes feed.xml when the site has content/news/_index.md; a post
 * without a date is a warning.  Runs after render_pages(), whose
 * rendered bodies become the entries' content. */
void render_news(struct render_ctx *rc);
/* True for a post of the news section (content/news/, not its index),
 * whose rendered body the feed needs. */
bool news_is_post(const struct page *p);

#endif
