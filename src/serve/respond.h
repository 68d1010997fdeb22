/*
 * respond.h: what the development server sends, as pure functions so
 * unit tests can reach them: the content type of a file, the file a
 * URL names, the live-reload tags added to HTML pages, and the error
 * overlay that lists a failed build's diagnostics.
 */
#ifndef SIGNPOST_SERVE_RESPOND_H
#define SIGNPOST_SERVE_RESPOND_H

#include "util/buf.h"
#include "util/diag.h"

/* Where the server's own files live.  A site file under the same
 * folder is hidden by them while serving. */
#define SERVE_PREFIX "/_signpost/"

/* Borrowed (static): the Content-Type for a file name, by extension;
 * text types carry "; charset=utf-8".  application/octet-stream when
 * the extension is unknown. */
const char *serve_content_type(const char *name);

/* True when name ends in ".html". */
bool serve_is_html(const char *name);

/*
 * Owned (free with free()): the path relative to the site folder that
 * the decoded request path url ("/adopters/") names: no leading '/',
 * "index.html" appended after a final '/'.  NULL when url does not
 * start with '/' or has an empty, "." or ".." segment, a backslash or
 * a control character: such a request is answered 404 without looking
 * at the disk.
 */
char *serve_url_to_rel(const char *url);

/* Appends url to b percent-encoded for a Location header: unreserved
 * characters and '/' as they are, every other byte as %XX. */
void serve_url_encode(struct buf *b, const char *url);

/*
 * Appends html[0..len) to out with head_add inserted just before the
 * first "</head>" and body_add just before the last "</body>" (both
 * found without regard to case).  When a tag is missing, its addition
 * goes at the end.
 */
void serve_inject(struct buf *out, const char *html, size_t len,
		  const char *head_add, const char *body_add);

/* Appends the tags serve adds to every HTML page: the stylesheet link
 * (head) and the reload script carrying the build generation (body). */
void serve_head_tags(struct buf *b);
void serve_body_tags(struct buf *b, unsigned long generation);

/*
 * Appends the error overlay for a failed build: a heading with the
 * counts and one list item per diagnostic, "file:line:col" then the
 * level and the message, everything escaped for HTML.  Exact repeats
 * (next to each other, as diags_print leaves them sorted) are shown
 * once; at most SERVE_OVERLAY_MAX are listed, then a count of the rest.
 * have_site says whether an earlier good build is served underneath.
 */
#define SERVE_OVERLAY_MAX 200
void serve_overlay(struct buf *b, const struct diags *d, bool have_site);

/* Appends a whole page around overlay (for when no build has succeeded
 * yet, so there is no page to lay it over). */
void serve_error_page(struct buf *b, const char *overlay, unsigned long generation);

/* Borrowed (static): the live-reload script and the stylesheet of the
 * overlay and draft banner, served under SERVE_PREFIX. */
extern const char serve_reload_js[];
extern const char serve_css[];

#endif
