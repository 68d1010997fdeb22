/*
 * escape.h: escaping a value for the context it is written into.  Each
 * function appends to b; none of them trusts its input.
 */
#ifndef SIGNPOST_ESCAPE_H
#define SIGNPOST_ESCAPE_H

#include "util/buf.h"

/* HTML text and attribute values: & < > " ' are escaped. */
void escape_html(struct buf *b, const char *s, size_t len);
/* XML text and attributes (Atom, sitemap): as HTML, with &apos;. */
void escape_xml(struct buf *b, const char *s, size_t len);
/* Inside a JSON string (without the quotes).  Also escapes < > & and
 * U+2028/U+2029 so the result is safe inside <script>. */
void escape_json(struct buf *b, const char *s, size_t len);

/* True when url is relative, or absolute with an allowed scheme
 * (http, https, mailto, tel).  Control characters make it unsafe. */
bool url_is_safe(const char *url, size_t len);

#endif
