/*
 * fuzz_text.c: the small functions every output leans on, checked
 * against what they promise: escaping for HTML, XML and JSON, the URL
 * scheme allow-list, slugs, UTF-8 validation and output paths.
 */
#include "fuzz.h"
#include "emit/output.h"
#include "util/escape.h"
#include "util/text.h"

#include <ctype.h>
#include <strings.h>

static void check_html(const char *s, size_t n)
{
	struct buf b = BUF_INIT;
	escape_html(&b, s, n);
	FUZZ_CHECK(b.len >= n);
	for (size_t i = 0; i < b.len; i++)
		FUZZ_CHECK(!strchr("<>\"'", b.data[i]) || b.data[i] == '\0');
	buf_free(&b);
}

static void check_xml(const char *s, size_t n)
{
	struct buf b = BUF_INIT;
	escape_xml(&b, s, n);
	for (size_t i = 0; i < b.len; i++) {
		unsigned char c = (unsigned char)b.data[i];
		FUZZ_CHECK(c != '<' && c != '>' && c != '"' && c != '\'');
		FUZZ_CHECK(c >= 0x20 || c == '\t' || c == '\n' || c == '\r');
		if (c == '&')
			FUZZ_CHECK(!strncmp(b.data + i, "&amp;", 5) || !strncmp(b.data + i, "&lt;", 4) ||
				   !strncmp(b.data + i, "&gt;", 4) || !strncmp(b.data + i, "&quot;", 6) ||
				   !strncmp(b.data + i, "&apos;", 6));
	}
	buf_free(&b);
}

/* The escaped text, put between quotes, is one JSON string that is
 * also harmless inside <script>. */
static void check_json(const char *s, size_t n)
{
	struct buf b = BUF_INIT;
	escape_json(&b, s, n);
	for (size_t i = 0; i < b.len; i++) {
		unsigned char c = (unsigned char)b.data[i];
		FUZZ_CHECK(c >= 0x20 && c != '"' && c != '<' && c != '>' && c != '&');
		if (c == 0xe2 && i + 2 < b.len && (unsigned char)b.data[i + 1] == 0x80)
			FUZZ_CHECK((unsigned char)b.data[i + 2] != 0xa8 &&
				   (unsigned char)b.data[i + 2] != 0xa9);
		if (c == '\\') {
			char e = b.data[++i];
			FUZZ_CHECK(i < b.len && strchr("\"\\/bfnrtu", e));
			if (e == 'u') {
				for (int k = 1; k <= 4; k++)
					FUZZ_CHECK(i + k < b.len && isxdigit((unsigned char)b.data[i + k]));
				i += 4;
			}
		}
	}
	buf_free(&b);
}

/* A scheme a browser would run: letters first, then letters, digits,
 * '+', '-', '.', up to ':' (tabs and newlines inside are ignored by
 * browsers, but url_is_safe refuses controls outright). */
static void check_url(const char *s, size_t n)
{
	size_t i = 0;
	bool safe = url_is_safe(s, n);
	static const char *const allowed[] = { "http", "https", "mailto", "tel" };
	bool ok = false;

	if (!safe)
		return;
	for (size_t k = 0; k < n; k++)
		FUZZ_CHECK((unsigned char)s[k] >= 0x20 && s[k] != 0x7f);
	if (n == 0 || !isalpha((unsigned char)s[0]))
		return;
	while (i < n && (isalnum((unsigned char)s[i]) || s[i] == '+' || s[i] == '-' || s[i] == '.'))
		i++;
	if (i == n || s[i] != ':')
		return;   /* no scheme: relative */
	for (size_t k = 0; k < ARRAY_LEN(allowed); k++)
		if (strlen(allowed[k]) == i && !strncasecmp(s, allowed[k], i))
			ok = true;
	FUZZ_CHECK(ok);
}

static void check_slug(struct arena *a, const char *s, size_t n)
{
	const char *slug = text_slug(a, s, n);
	size_t bad;

	FUZZ_CHECK(*slug);
	FUZZ_CHECK(output_path_ok(slug));
	FUZZ_CHECK(!strchr(slug, '/') && !strchr(slug, '.') && slug[0] != '-');
	if (text_valid_utf8(s, n, &bad))
		FUZZ_CHECK(text_valid_utf8(slug, strlen(slug), &bad));
}

static void check_path(const char *s)
{
	if (!output_path_ok(s))
		return;
	FUZZ_CHECK(s[0] != '/' && !strchr(s, '\\'));
	FUZZ_CHECK(strcmp(s, "..") && strncmp(s, "../", 3) && !strstr(s, "/../") &&
		   !strstr(s, "//"));
	{
		size_t n = strlen(s);
		FUZZ_CHECK(!(n >= 3 && !strcmp(s + n - 3, "/..")));
	}
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	const char *s = (const char *)data;
	struct arena a;
	char *z;
	size_t bad;
	int line, col;

	arena_init(&a);
	check_html(s, size);
	check_xml(s, size);
	check_json(s, size);
	check_url(s, size);
	check_slug(&a, s, size);
	z = arena_strndup(&a, s, size);
	check_path(z);
	if (!text_valid_utf8(s, size, &bad))
		FUZZ_CHECK(bad < size);
	text_position(s, size, &line, &col);
	FUZZ_CHECK(line >= 1 && col >= 1);
	if (size >= 10)
		(void)text_is_date(z);
	arena_free(&a);
	return 0;
}
