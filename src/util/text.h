/*
 * text.h: small text utilities: suggestions for misspelt names, slugs,
 * UTF-8 validation, line and column of an offset.
 */
#ifndef SIGNPOST_TEXT_H
#define SIGNPOST_TEXT_H

#include "util/arena.h"

/* Borrowed (one of candidates): the candidate nearest to word by edit
 * distance, or NULL when none is close enough to suggest. */
const char *text_suggest(const char *word, const char *const *candidates, size_t n);

/* Arena: a URL slug: lower-case ASCII letters and digits joined by
 * single hyphens; other UTF-8 letters are kept as they are.  Never
 * empty: "section" when nothing is left. */
char *text_slug(struct arena *a, const char *s, size_t len);

/* True when s (a file name or URL segment) is, before its first dot, a
 * device name on Windows (CON, PRN, AUX, NUL, COM0-9, LPT0-9, in any
 * case): such a file cannot be created there, so sites never make one. */
bool text_reserved_name(const char *s);

/* True when s[0..len) is valid UTF-8; else *bad is the offset of the
 * first bad byte. */
bool text_valid_utf8(const char *s, size_t len, size_t *bad);

/* True when s ends with tail (an empty tail included). */
bool text_ends_with(const char *s, const char *tail);

/* FNV-1a of s[0..len), for hash tables. */
uint64_t text_hash(const char *s, size_t len);

/* 1-based line and column (in bytes) of offset within s. */
void text_position(const char *s, size_t offset, int *line, int *col);

/* True when s is a slug as ids and folders are written: lower-case
 * ASCII letters and digits, with single hyphens between them. */
bool text_is_slug(const char *s);

/* True when s looks like a phone number as people write it: 3 to 15
 * digits, spaces, and an optional leading '+'. */
bool text_is_phone(const char *s);

/* Arena: phone as a URI for scheme ("tel:" or "sms:"): its digits and
 * a leading '+', with "(0)" dropped. */
char *text_phone_uri(struct arena *a, const char *scheme, const char *phone);

/* Arena: s with each space a no-break space (U+00A0), so a phone number
 * in link text never wraps. */
char *text_nowrap(struct arena *a, const char *s);

/* True when s[0..len) is a domain name: labels of letters, digits and
 * inner hyphens (at most 63 each, 253 in all), at least two of them,
 * the last not all digits. */
bool text_is_domain(const char *s, size_t len);

/* True when s is an email address: a local part of at most 64 of the
 * characters RFC 5322 allows unquoted, without leading, trailing or
 * doubled dots, then '@' and a domain name. */
bool text_is_email(const char *s);

/* True when s is a date written YYYY-MM-DD that exists. */
bool text_is_date(const char *s);

#endif
