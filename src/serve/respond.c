/*
 * respond.c: content types, request paths, the live-reload tags and
 * the error overlay of the development server.  Nothing here touches
 * the network or the disk.
 */
#include "serve/respond.h"
#include "util/escape.h"

#include <strings.h>

static const struct {
	const char *ext, *type;
} types[] = {
	{ "html", "text/html; charset=utf-8" },
	{ "css", "text/css; charset=utf-8" },
	{ "js", "text/javascript; charset=utf-8" },
	{ "mjs", "text/javascript; charset=utf-8" },
	{ "json", "application/json" },
	{ "xml", "application/xml; charset=utf-8" },
	{ "atom", "application/atom+xml; charset=utf-8" },
	{ "ics", "text/calendar; charset=utf-8" },
	{ "txt", "text/plain; charset=utf-8" },
	{ "md", "text/markdown; charset=utf-8" },
	{ "csv", "text/csv; charset=utf-8" },
	{ "svg", "image/svg+xml" },
	{ "png", "image/png" },
	{ "jpg", "image/jpeg" },
	{ "jpeg", "image/jpeg" },
	{ "gif", "image/gif" },
	{ "webp", "image/webp" },
	{ "avif", "image/avif" },
	{ "ico", "image/vnd.microsoft.icon" },
	{ "woff2", "font/woff2" },
	{ "woff", "font/woff" },
	{ "pdf", "application/pdf" },
	{ "map", "application/json" },
	{ "webmanifest", "application/manifest+json" },
	{ "wasm", "application/wasm" },
};

const char *serve_content_type(const char *name)
{
	const char *slash = strrchr(name, '/');
	const char *dot = strrchr(slash ? slash + 1 : name, '.');

	if (dot && dot[1])
		for (size_t i = 0; i < ARRAY_LEN(types); i++)
			if (!strcasecmp(dot + 1, types[i].ext))
				return types[i].type;
	return "application/octet-stream";
}

bool serve_is_html(const char *name)
{
	size_t n = strlen(name);
	return n >= 5 && !strcasecmp(name + n - 5, ".html");
}

char *serve_url_to_rel(const char *url)
{
	struct buf b = BUF_INIT;
	const char *p;

	if (url[0] != '/')
		return NULL;
	p = url + 1;
	while (*p) {
		const char *slash = strchr(p, '/');
		size_t n = slash ? (size_t)(slash - p) : strlen(p);

		if (n == 0 || (n == 1 && p[0] == '.') || (n == 2 && p[0] == '.' && p[1] == '.'))
			goto bad;
		for (size_t i = 0; i < n; i++)
			if ((unsigned char)p[i] < 0x20 || p[i] == 0x7f || p[i] == '\\')
				goto bad;
		p += n;
		if (*p == '/')
			p++;
	}
	buf_adds(&b, url + 1);
	if (b.len == 0 || url[strlen(url) - 1] == '/')
		buf_adds(&b, "index.html");
	return buf_detach(&b, NULL);
bad:
	buf_free(&b);
	return NULL;
}

void serve_url_encode(struct buf *b, const char *url)
{
	static const char hex[] = "0123456789ABCDEF";
	for (const unsigned char *p = (const unsigned char *)url; *p; p++) {
		if ((*p >= 'a' && *p <= 'z') || (*p >= 'A' && *p <= 'Z') ||
		    (*p >= '0' && *p <= '9') || strchr("-._~/", *p)) {
			buf_addc(b, (char)*p);
		} else {
			buf_addc(b, '%');
			buf_addc(b, hex[*p >> 4]);
			buf_addc(b, hex[*p & 15]);
		}
	}
}

/* Offset of the first (or last) case-insensitive match of tag, or -1. */
static long find_tag(const char *s, size_t len, const char *tag, bool last)
{
	size_t n = strlen(tag);
	long found = -1;

	for (size_t i = 0; i + n <= len; i++) {
		if (s[i] == '<' && !strncasecmp(s + i, tag, n)) {
			found = (long)i;
			if (!last)
				break;
		}
	}
	return found;
}

void serve_inject(struct buf *out, const char *html, size_t len,
		  const char *head_add, const char *body_add)
{
	long head = find_tag(html, len, "</head>", false);
	long body = find_tag(html, len, "</body>", true);
	size_t at = 0;

	if (head >= 0 && body >= 0 && body < head)
		body = -1;
	if (head >= 0) {
		buf_add(out, html, (size_t)head);
		buf_adds(out, head_add);
		at = (size_t)head;
	}
	if (body >= 0) {
		buf_add(out, html + at, (size_t)body - at);
		buf_adds(out, body_add);
		at = (size_t)body;
	}
	buf_add(out, html + at, len - at);
	if (head < 0)
		buf_adds(out, head_add);
	if (body < 0)
		buf_adds(out, body_add);
}

void serve_head_tags(struct buf *b)
{
	buf_adds(b, "<link rel=\"stylesheet\" href=\"" SERVE_PREFIX "serve.css\">\n");
}

void serve_body_tags(struct buf *b, unsigned long generation)
{
	buf_printf(b, "<script src=\"" SERVE_PREFIX "reload.js\" data-generation=\"%lu\" defer></script>\n",
		   generation);
}

static bool same(const struct diag *x, const struct diag *y)
{
	return x->line == y->line && x->col == y->col && x->level == y->level &&
	       !strcmp(x->file, y->file) && !strcmp(x->msg, y->msg);
}

void serve_overlay(struct buf *b, const struct diags *d, bool have_site)
{
	size_t shown = 0, left = 0;

	buf_adds(b, "<section class=\"sp-serve-errors\" role=\"alert\" aria-labelledby=\"sp-serve-errors-title\">\n");
	buf_printf(b, "<h2 id=\"sp-serve-errors-title\">The site did not build: %zu error%s, %zu warning%s</h2>\n",
		   d->errors, d->errors == 1 ? "" : "s", d->warnings, d->warnings == 1 ? "" : "s");
	buf_adds(b, have_site ?
		 "<p>This is the last good build underneath. Fix the files listed below and save: the page reloads by itself.</p>\n" :
		 "<p>There is no good build to show yet. Fix the files listed below and save: the page reloads by itself.</p>\n");
	buf_adds(b, "<ol class=\"sp-serve-errors__list\">\n");
	for (size_t i = 0; i < d->n; i++) {
		const struct diag *g = &d->v[i];
		const char *level = g->level == DIAG_ERROR ? "error" : "warning";

		if (i > 0 && same(&d->v[i - 1], g))
			continue;
		if (shown == SERVE_OVERLAY_MAX) {
			left++;
			continue;
		}
		shown++;
		buf_adds(b, "<li><code>");
		escape_html(b, g->file, strlen(g->file));
		if (g->line > 0) {
			buf_printf(b, ":%d", g->line);
			if (g->col > 0)
				buf_printf(b, ":%d", g->col);
		}
		buf_printf(b, "</code> <strong class=\"sp-serve-errors__%s\">%s</strong> ", level, level);
		escape_html(b, g->msg, strlen(g->msg));
		buf_adds(b, "</li>\n");
	}
	buf_adds(b, "</ol>\n");
	if (left)
		buf_printf(b, "<p>And %zu more: see the terminal.</p>\n", left);
	buf_adds(b, "</section>\n");
}

void serve_error_page(struct buf *b, const char *overlay, unsigned long generation)
{
	buf_adds(b, "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n"
		    "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
		    "<title>Build failed - signpost serve</title>\n");
	serve_head_tags(b);
	buf_adds(b, "</head>\n<body>\n<main>\n");
	buf_adds(b, overlay);
	buf_adds(b, "</main>\n");
	serve_body_tags(b, generation);
	buf_adds(b, "</body>\n</html>\n");
}

/* Keeps the page's scroll position over the reload through
 * sessionStorage, keyed by path so another page starts at its top. */
const char serve_reload_js[] =
	"/* signpost serve: reloads the page after each rebuild, keeping its\n"
	" * scroll position.  Only the development server adds this script. */\n"
	"(function () {\n"
	"\t\"use strict\";\n"
	"\tvar me = document.currentScript;\n"
	"\tvar built = me ? me.getAttribute(\"data-generation\") : null;\n"
	"\tvar key = \"signpost-scroll \" + location.pathname;\n"
	"\tvar saved = null;\n"
	"\tvar errors = document.querySelector(\".sp-serve-errors\");\n"
	"\ttry {\n"
	"\t\tsaved = sessionStorage.getItem(key);\n"
	"\t\tsessionStorage.removeItem(key);\n"
	"\t} catch (e) { /* storage off: start at the top */ }\n"
	"\tfunction restore() {\n"
	"\t\tvar xy = saved.split(\" \");\n"
	"\t\twindow.scrollTo(Number(xy[0]) || 0, Number(xy[1]) || 0);\n"
	"\t}\n"
	"\tif (saved) {\n"
	"\t\trestore();\n"
	"\t\twindow.addEventListener(\"load\", restore);\n"
	"\t}\n"
	"\tif (errors && document.querySelector(\"main > .sp-serve-errors\") === null) {\n"
	"\t\tvar hide = document.createElement(\"button\");\n"
	"\t\thide.type = \"button\";\n"
	"\t\thide.className = \"sp-serve-errors__hide\";\n"
	"\t\thide.textContent = \"Show the last good page\";\n"
	"\t\thide.addEventListener(\"click\", function () { errors.hidden = true; });\n"
	"\t\terrors.insertBefore(hide, errors.firstChild);\n"
	"\t}\n"
	"\tif (!window.EventSource || built === null)\n"
	"\t\treturn;\n"
	"\tvar events = new EventSource(\"" SERVE_PREFIX "events\");\n"
	"\tevents.onmessage = function (e) {\n"
	"\t\tif (e.data === built)\n"
	"\t\t\treturn;\n"
	"\t\tevents.close();\n"
	"\t\ttry {\n"
	"\t\t\tsessionStorage.setItem(key, window.scrollX + \" \" + window.scrollY);\n"
	"\t\t} catch (e2) { /* the page reloads at its top */ }\n"
	"\t\tlocation.reload();\n"
	"\t};\n"
	"})();\n";

const char serve_css[] =
	"/* signpost serve: the error overlay and the draft banner.  Only the\n"
	"   development server adds this stylesheet. */\n"
	".sp-serve-errors {\n"
	"\tposition: fixed; inset: 0; z-index: 2147483647; overflow: auto;\n"
	"\tmargin: 0; padding: 1.5rem 2rem; box-sizing: border-box;\n"
	"\tbackground: #fff; color: #0b0c0c; border-top: 0.5rem solid #d4351c;\n"
	"\tfont: 1rem/1.5 system-ui, -apple-system, \"Segoe UI\", sans-serif;\n"
	"}\n"
	".sp-serve-errors[hidden] { display: none; }\n"
	".sp-serve-errors h2 { margin: 0 0 0.5rem; font-size: 1.5rem; color: #b3261e; }\n"
	".sp-serve-errors ol { padding-left: 1.5rem; }\n"
	".sp-serve-errors li { margin: 0 0 0.75rem; overflow-wrap: anywhere; }\n"
	".sp-serve-errors code { font: bold 0.95rem/1.4 ui-monospace, \"DejaVu Sans Mono\", monospace; }\n"
	".sp-serve-errors__error { color: #b3261e; }\n"
	".sp-serve-errors__warning { color: #8a4b00; }\n"
	".sp-serve-errors__hide { float: right; font: inherit; padding: 0.25rem 0.75rem; }\n"
	".sp-draft-banner {\n"
	"\tmargin: 0; padding: 0.5rem 1rem; text-align: center;\n"
	"\tbackground: #ffdd00; color: #0b0c0c; border-bottom: 0.25rem solid #0b0c0c;\n"
	"\tfont-weight: bold;\n"
	"}\n"
	"@media (prefers-color-scheme: dark) {\n"
	"\t.sp-serve-errors { background: #1d1d1d; color: #f3f2f1; }\n"
	"\t.sp-serve-errors h2, .sp-serve-errors__error { color: #ff8a80; }\n"
	"\t.sp-serve-errors__warning { color: #ffcc80; }\n"
	"}\n";
