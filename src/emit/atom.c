/*
 * atom.c: writing an Atom feed.
 */
#include "emit/atom.h"
#include "util/escape.h"

static void text(struct buf *b, const char *s)
{
	escape_xml(b, s, strlen(s));
}

static void element(struct buf *b, const char *indent, const char *name, const char *s)
{
	buf_printf(b, "%s<%s>", indent, name);
	text(b, s);
	buf_printf(b, "</%s>\n", name);
}

static void stamp(struct buf *b, const char *indent, const char *name, const char *date)
{
	buf_printf(b, "%s<%s>%.10sT00:00:00Z</%s>\n", indent, name, date, name);
}

static void link(struct buf *b, const char *indent, const char *rel, const char *type,
		 const char *href)
{
	buf_printf(b, "%s<link rel=\"%s\" type=\"%s\" href=\"", indent, rel, type);
	text(b, href);
	buf_adds(b, "\"/>\n");
}

static const char *entry_updated(const struct atom_entry *e)
{
	return e->updated && strcmp(e->updated, e->published) > 0 ? e->updated : e->published;
}

void atom_write(struct buf *b, const struct atom_feed *f)
{
	const char *updated = f->updated;

	for (size_t i = 0; i < f->n; i++)
		if (i == 0 || strcmp(entry_updated(&f->entries[i]), updated) > 0)
			updated = entry_updated(&f->entries[i]);

	buf_adds(b, "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n"
		    "<feed xmlns=\"http://www.w3.org/2005/Atom\" xml:lang=\"");
	text(b, f->language);
	buf_adds(b, "\" xml:base=\"");
	text(b, f->base_url);
	buf_adds(b, "\">\n");
	element(b, "  ", "id", f->self_url);
	element(b, "  ", "title", f->title);
	if (f->subtitle)
		element(b, "  ", "subtitle", f->subtitle);
	stamp(b, "  ", "updated", updated);
	link(b, "  ", "self", "application/atom+xml", f->self_url);
	link(b, "  ", "alternate", "text/html", f->alternate_url);
	buf_adds(b, "  <author>\n");
	element(b, "    ", "name", f->author);
	element(b, "    ", "uri", f->base_url);
	buf_adds(b, "  </author>\n");
	buf_adds(b, "  <generator>signpost</generator>\n");
	for (size_t i = 0; i < f->n; i++) {
		const struct atom_entry *e = &f->entries[i];
		buf_adds(b, "  <entry>\n");
		element(b, "    ", "id", e->url);
		element(b, "    ", "title", e->title);
		stamp(b, "    ", "published", e->published);
		stamp(b, "    ", "updated", entry_updated(e));
		link(b, "    ", "alternate", "text/html", e->url);
		if (e->summary)
			element(b, "    ", "summary", e->summary);
		if (e->content) {
			buf_adds(b, "    <content type=\"html\">");
			escape_xml(b, e->content, e->content_len);
			buf_adds(b, "</content>\n");
		}
		buf_adds(b, "  </entry>\n");
	}
	buf_adds(b, "</feed>\n");
}
