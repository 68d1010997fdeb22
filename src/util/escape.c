/*
 * escape.c: context escaping for HTML, XML and JSON, and the URL scheme
 * allow-list.
 */
#include "util/escape.h"

#include <ctype.h>
#include <strings.h>

void escape_html(struct buf *b, const char *s, size_t len)
{
	size_t start = 0;
	buf_grow(b, len);
	for (size_t i = 0; i < len; i++) {
		const char *rep;
		switch (s[i]) {
		case '&': rep = "&amp;"; break;
		case '<': rep = "&lt;"; break;
		case '>': rep = "&gt;"; break;
		case '"': rep = "&quot;"; break;
		case '\'': rep = "&#39;"; break;
		default: continue;
		}
		buf_add(b, s + start, i - start);
		buf_adds(b, rep);
		start = i + 1;
	}
	buf_add(b, s + start, len - start);
}

void escape_xml(struct buf *b, const char *s, size_t len)
{
	size_t start = 0;
	for (size_t i = 0; i < len; i++) {
		unsigned char c = (unsigned char)s[i];
		const char *rep;
		switch (c) {
		case '&': rep = "&amp;"; break;
		case '<': rep = "&lt;"; break;
		case '>': rep = "&gt;"; break;
		case '"': rep = "&quot;"; break;
		case '\'': rep = "&apos;"; break;
		default:
			/* XML 1.0 forbids most C0 controls: drop them */
			if (c < 0x20 && c != '\t' && c != '\n' && c != '\r')
				rep = "";
			else
				continue;
		}
		buf_add(b, s + start, i - start);
		buf_adds(b, rep);
		start = i + 1;
	}
	buf_add(b, s + start, len - start);
}

void escape_json(struct buf *b, const char *s, size_t len)
{
	size_t start = 0;
	for (size_t i = 0; i < len; i++) {
		unsigned char c = (unsigned char)s[i];
		char tmp[8];
		const char *rep = tmp;

		if (c == 0xe2 && i + 2 < len && (unsigned char)s[i + 1] == 0x80 &&
		    ((unsigned char)s[i + 2] == 0xa8 || (unsigned char)s[i + 2] == 0xa9)) {
			buf_add(b, s + start, i - start);
			buf_adds(b, (unsigned char)s[i + 2] == 0xa8 ? "\\u2028" : "\\u2029");
			i += 2;
			start = i + 1;
			continue;
		}
		switch (c) {
		case '"': rep = "\\\""; break;
		case '\\': rep = "\\\\"; break;
		case '\n': rep = "\\n"; break;
		case '\r': rep = "\\r"; break;
		case '\t': rep = "\\t"; break;
		case '<': case '>': case '&':
			snprintf(tmp, sizeof(tmp), "\\u%04x", c);
			break;
		default:
			if (c >= 0x20)
				continue;
			snprintf(tmp, sizeof(tmp), "\\u%04x", c);
		}
		buf_add(b, s + start, i - start);
		buf_adds(b, rep);
		start = i + 1;
	}
	buf_add(b, s + start, len - start);
}

bool url_is_safe(const char *url, size_t len)
{
	static const char *const allowed[] = { "http", "https", "mailto", "tel" };
	size_t i;

	/* browsers strip leading blanks and controls before the scheme */
	if (len && url[0] == ' ')
		return false;
	for (i = 0; i < len; i++)
		if ((unsigned char)url[i] < 0x20 || url[i] == 0x7f)
			return false;
	/* a scheme is letters, digits, + - . before the first ':' that
	 * comes before any '/', '?' or '#' */
	for (i = 0; i < len; i++) {
		char c = url[i];
		if (c == ':')
			break;
		if (c == '/' || c == '?' || c == '#')
			return true;
		if (!isalnum((unsigned char)c) && c != '+' && c != '-' && c != '.')
			return true;
	}
	if (i == len)
		return true;
	for (size_t k = 0; k < ARRAY_LEN(allowed); k++)
		if (strlen(allowed[k]) == i && !strncasecmp(url, allowed[k], i))
			return true;
	return false;
}
