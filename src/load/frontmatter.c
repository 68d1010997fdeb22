/*
 * frontmatter.c: finding the '---' fences.
 */
#include "load/frontmatter.h"

/* True when the line at s[0..n) (without its line end) is the fence
 * text followed only by spaces or tabs. */
static bool is_fence(const char *s, size_t n, const char *fence)
{
	size_t f = strlen(fence);
	if (n < f || memcmp(s, fence, f))
		return false;
	for (size_t i = f; i < n; i++)
		if (s[i] != ' ' && s[i] != '\t' && s[i] != '\r')
			return false;
	return true;
}

/* Length of the line at s[0..len) without its '\n'. */
static size_t line_len(const char *s, size_t len)
{
	const char *nl = memchr(s, '\n', len);
	return nl ? (size_t)(nl - s) : len;
}

enum fm_status fm_split(const char *src, size_t len, struct fm_split *out)
{
	size_t pos = 0, first;
	int line = 1;

	if (len >= 3 && !memcmp(src, "\xef\xbb\xbf", 3))
		pos = 3;
	*out = (struct fm_split){ .body_off = pos, .body_len = len - pos, .body_line = 1,
				  .yaml_off = pos, .yaml_line = 2 };

	first = line_len(src + pos, len - pos);
	if (!is_fence(src + pos, first, "---"))
		return FM_NONE;
	pos += first;
	if (pos < len)
		pos++;
	line++;
	out->yaml_off = pos;

	while (pos < len) {
		size_t n = line_len(src + pos, len - pos);
		if (is_fence(src + pos, n, "---") || is_fence(src + pos, n, "...")) {
			out->yaml_len = pos - out->yaml_off;
			pos += n;
			if (pos < len)
				pos++;
			out->body_off = pos;
			out->body_len = len - pos;
			out->body_line = line + 1;
			return FM_OK;
		}
		pos += n;
		if (pos < len)
			pos++;
		line++;
	}
	out->yaml_len = len - out->yaml_off;
	out->body_off = len;
	out->body_len = 0;
	out->body_line = line;
	return FM_UNCLOSED;
}
