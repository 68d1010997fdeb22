/*
 * atom.h: an Atom feed (RFC 4287).  Every text is escaped with
 * escape_xml; HTML content is escaped once more as type="html", with
 * xml:base so site-absolute links resolve.
 */
#ifndef SIGNPOST_ATOM_H
#define SIGNPOST_ATOM_H

#include "util/buf.h"

struct atom_entry {
	const char *title;
	const char *url;          /* absolute: the entry's id and link */
	const char *published;    /* YYYY-MM-DD */
	const char *updated;      /* YYYY-MM-DD, or NULL for published */
	const char *summary;      /* NULL when none */
	const char *content;      /* HTML, or NULL */
	size_t content_len;
};

struct atom_feed {
	const char *title;
	const char *subtitle;     /* NULL when none */
	const char *language;     /* xml:lang, e.g. "en-GB" */
	const char *base_url;     /* absolute, ends in '/': xml:base */
	const char *self_url;     /* absolute URL of the feed: its id */
	const char *alternate_url;  /* absolute URL of the news page */
	const char *author;       /* the publisher's name */
	const char *updated;      /* YYYY-MM-DD when there are no entries */
	const struct atom_entry *entries;  /* newest first */
	size_t n;
};

/* Appends the feed to b. */
void atom_write(struct buf *b, const struct atom_feed *f);

#endif
