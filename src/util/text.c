/*
 * text.c: suggestions, slugs, UTF-8 checks, positions, dates.
 */
#include "util/text.h"
#include "util/buf.h"

#include <ctype.h>
#include <strings.h>

static size_t edit_distance(const char *a, const char *b)
{
	size_t la = strlen(a), lb = strlen(b);
	size_t *row, result;

	if (la > 64 || lb > 64)
		return (size_t)-1;
	row = xcalloc(lb + 1, sizeof(*row));
	for (size_t j = 0; j <= lb; j++)
		row[j] = j;
	for (size_t i = 1; i <= la; i++) {
		size_t diag = row[0];
		row[0] = i;
		for (size_t j = 1; j <= lb; j++) {
			size_t up = row[j];
			size_t cost = tolower((unsigned char)a[i - 1]) !=
				      tolower((unsigned char)b[j - 1]);
			size_t best = diag + cost;
			if (row[j - 1] + 1 < best)
				best = row[j - 1] + 1;
			if (up + 1 < best)
				best = up + 1;
			row[j] = best;
			diag = up;
		}
	}
	result = row[lb];
	free(row);
	return result;
}

const char *text_suggest(const char *word, const char *const *candidates, size_t n)
{
	const char *best = NULL;
	size_t best_d = (size_t)-1;
	size_t limit = strlen(word) / 3 + 1;

	if (limit > 3)
		limit = 3;
	for (size_t i = 0; i < n; i++) {
		size_t dist = edit_distance(word, candidates[i]);
		if (dist < best_d) {
			best_d = dist;
			best = candidates[i];
		}
	}
	return best_d <= limit ? best : NULL;
}

char *text_slug(struct arena *a, const char *s, size_t len)
{
	struct buf b = BUF_INIT;
	bool pending_dash = false;
	char *out;

	for (size_t i = 0; i < len; i++) {
		unsigned char c = (unsigned char)s[i];
		if (isalnum(c) || c >= 0x80) {
			if (pending_dash && b.len)
				buf_addc(&b, '-');
			pending_dash = false;
			buf_addc(&b, (char)tolower(c));
		} else if (c == '\'' || c == '.') {
			/* "what's" -> "whats", "1.5" -> "15" */
		} else {
			pending_dash = true;
		}
	}
	out = arena_strdup(a, b.len ? buf_cstr(&b) : "section");
	buf_free(&b);
	return out;
}

bool text_reserved_name(const char *s)
{
	static const char *const names[] = { "con", "prn", "aux", "nul" };
	size_t n = strcspn(s, ".");

	while (n > 0 && s[n - 1] == ' ')
		n--;
	if (n == 3) {
		for (size_t i = 0; i < ARRAY_LEN(names); i++)
			if (!strncasecmp(s, names[i], 3))
				return true;
	}
	if (n < 4 || (strncasecmp(s, "com", 3) && strncasecmp(s, "lpt", 3)))
		return false;
	/* COM0-9 and LPT0-9, and with a superscript 1, 2 or 3 */
	return (n == 4 && s[3] >= '0' && s[3] <= '9') ||
	       (n == 5 && s[3] == '\xc2' && (s[4] == '\xb9' || s[4] == '\xb2' || s[4] == '\xb3'));
}

bool text_valid_utf8(const char *str, size_t len, size_t *bad)
{
	const unsigned char *s = (const unsigned char *)str;
	size_t i = 0;

	while (i < len) {
		unsigned char c = s[i];
		size_t need;
		unsigned int cp;
		if (c < 0x80) {
			i++;
			continue;
		}
		if (c >= 0xc2 && c <= 0xdf) {
			need = 1;
			cp = c & 0x1f;
		} else if (c >= 0xe0 && c <= 0xef) {
			need = 2;
			cp = c & 0x0f;
		} else if (c >= 0xf0 && c <= 0xf4) {
			need = 3;
			cp = c & 0x07;
		} else {
			goto fail;
		}
		if (i + need >= len)
			goto fail;
		for (size_t k = 1; k <= need; k++) {
			if ((s[i + k] & 0xc0) != 0x80)
				goto fail;
			cp = (cp << 6) | (s[i + k] & 0x3f);
		}
		if ((need == 2 && (cp < 0x800 || (cp >= 0xd800 && cp <= 0xdfff))) ||
		    (need == 3 && (cp < 0x10000 || cp > 0x10ffff)))
			goto fail;
		i += need + 1;
	}
	return true;
fail:
	if (bad)
		*bad = i;
	return false;
}

void text_position(const char *s, size_t offset, int *line, int *col)
{
	int l = 1, c = 1;
	for (size_t i = 0; i < offset && s[i]; i++) {
		if (s[i] == '\n') {
			l++;
			c = 1;
		} else {
			c++;
		}
	}
	*line = l;
	*col = c;
}

bool text_is_date(const char *s)
{
	static const int days[] = { 31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31 };
	int y, m, d;

	for (int i = 0; i < 10; i++) {
		if (i == 4 || i == 7) {
			if (s[i] != '-')
				return false;
		} else if (!isdigit((unsigned char)s[i])) {
			return false;
		}
	}
	if (s[10] != '\0')
		return false;
	y = (s[0] - '0') * 1000 + (s[1] - '0') * 100 + (s[2] - '0') * 10 + (s[3] - '0');
	m = (s[5] - '0') * 10 + (s[6] - '0');
	d = (s[8] - '0') * 10 + (s[9] - '0');
	if (m < 1 || m > 12 || d < 1 || d > days[m - 1])
		return false;
	if (m == 2 && d == 29 && !(y % 4 == 0 && (y % 100 != 0 || y % 400 == 0)))
		return false;
	return true;
}

bool text_is_phone(const char *s)
{
	size_t digits = 0;
	for (const char *p = s; *p; p++) {
		if (*p >= '0' && *p <= '9')
			digits++;
		else if (!(*p == ' ' || (*p == '+' && p == s)))
			return false;
	}
	return digits >= 3 && digits <= 15;
}

static bool is_label_char(char c)
{
	return isalnum((unsigned char)c) || c == '-';
}

bool text_is_domain(const char *s, size_t len)
{
	size_t labels = 0, start = 0;
	bool all_digits = true;

	if (!len || len > 253)
		return false;
	for (size_t i = 0; i <= len; i++) {
		if (i == len || s[i] == '.') {
			size_t n = i - start;
			if (n == 0 || n > 63 || s[start] == '-' || s[i - 1] == '-')
				return false;
			labels++;
			all_digits = true;
			for (size_t k = start; k < i; k++)
				all_digits &= isdigit((unsigned char)s[k]) != 0;
			start = i + 1;
		} else if (!is_label_char(s[i])) {
			return false;
		}
	}
	return labels >= 2 && !all_digits;
}

bool text_is_email(const char *s)
{
	const char *at = strchr(s, '@');
	size_t local;

	if (!at || strchr(at + 1, '@'))
		return false;
	local = (size_t)(at - s);
	if (!local || local > 64 || s[0] == '.' || at[-1] == '.')
		return false;
	for (const char *p = s; p < at; p++) {
		if (!isalnum((unsigned char)*p) && !strchr(".!#$%&'*+/=?^_`{|}~-", *p))
			return false;
		if (*p == '.' && p[1] == '.')
			return false;
	}
	return text_is_domain(at + 1, strlen(at + 1));
}

char *text_phone_uri(struct arena *a, const char *scheme, const char *phone)
{
	size_t n = strlen(scheme);
	char *out = arena_alloc(a, n + strlen(phone) + 1), *o = out + n;

	memcpy(out, scheme, n);
	for (const char *p = phone; *p; p++) {
		if (!strncmp(p, "(0)", 3))
			p += 2;
		else if ((*p >= '0' && *p <= '9') || (*p == '+' && p == phone))
			*o++ = *p;
	}
	*o = '\0';
	return out;
}

char *text_nowrap(struct arena *a, const char *s)
{
	size_t spaces = 0;
	char *out, *o;

	for (const char *p = s; *p; p++)
		spaces += *p == ' ';
	out = o = arena_alloc(a, strlen(s) + spaces + 1);
	for (const char *p = s; *p; p++) {
		if (*p == ' ') {
			*o++ = (char)0xc2;
			*o++ = (char)0xa0;
		} else {
			*o++ = *p;
		}
	}
	*o = '\0';
	return out;
}

bool text_is_slug(const char *s)
{
	if (!*s || *s == '-')
		return false;
	for (const char *p = s; *p; p++) {
		if (!((*p >= 'a' && *p <= 'z') || (*p >= '0' && *p <= '9') || *p == '-'))
			return false;
		if (*p == '-' && (p[1] == '-' || p[1] == '\0'))
			return false;
	}
	return true;
}

bool text_ends_with(const char *s, const char *tail)
{
	size_t ls = strlen(s), lt = strlen(tail);
	return ls >= lt && !memcmp(s + ls - lt, tail, lt);
}

uint64_t text_hash(const char *s, size_t len)
{
	uint64_t h = 1469598103934665603ull;
	for (size_t i = 0; i < len; i++)
		h = (h ^ (unsigned char)s[i]) * 1099511628211ull;
	return h;
}
