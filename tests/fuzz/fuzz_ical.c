/*
 * fuzz_ical.c: the iCalendar writer (RFC 5545).  The first byte picks
 * what the rest is: an event file (YAML, through event_parse) written as
 * a whole VCALENDAR, or text for ical_escape_text and ical_fold alone.
 * Every content line must end in CRLF, be at most 75 octets, and never
 * split a UTF-8 sequence; escaped text must hold no bare ';', ',' or
 * line break; unfolding must give back what was folded.
 */
#include "fuzz.h"
#include "emit/ical.h"
#include "load/events.h"
#include "util/text.h"

static struct guide guides[] = {
	{ .id = "adopters", .title = "Adopters", .folder = "adopters", .style = "standard" },
	{ .id = "children", .title = "Children", .folder = "children", .style = "child" },
};
static struct config cfg = { .title = "Fuzz", .base_url = "https://example.org/",
			     .guides = guides, .n_guides = 2 };

/* Checks folded content lines; returns the unfolded text. */
static void check_lines(const char *s, size_t n, struct buf *unfolded)
{
	size_t start = 0;

	FUZZ_CHECK(n >= 2 && s[n - 2] == '\r' && s[n - 1] == '\n');
	for (size_t i = 0; i < n; i++) {
		if (s[i] == '\r') {
			FUZZ_CHECK(i + 1 < n && s[i + 1] == '\n');
			FUZZ_CHECK(i - start <= 75);
			if (start > 0 && s[start - 1] == '\n' && s[start] == ' ') {
				/* a continuation: its leading space is not content */
				buf_add(unfolded, s + start + 1, i - start - 1);
			} else {
				if (unfolded->len)
					buf_addc(unfolded, '\n');
				buf_add(unfolded, s + start, i - start);
			}
			/* a line never starts inside a UTF-8 sequence */
			if (start < i && start > 0)
				FUZZ_CHECK(((unsigned char)s[start + (s[start] == ' ')] & 0xc0) != 0x80 ||
					   start + 1 == i);
			i++;
			start = i + 1;
		} else {
			FUZZ_CHECK(s[i] != '\n');
		}
	}
}

static void check_escape(const char *s, size_t n)
{
	struct buf b = BUF_INIT;

	ical_escape_text(&b, s, n);
	for (size_t i = 0; i < b.len; i++) {
		unsigned char c = (unsigned char)b.data[i];
		FUZZ_CHECK(c != ';' && c != ',' && c != '\n' && c != '\r');
		FUZZ_CHECK((c >= 0x20 && c != 0x7f) || c == '\t');
		if (c == '\\') {
			FUZZ_CHECK(i + 1 < b.len);
			c = (unsigned char)b.data[++i];
			FUZZ_CHECK(c == '\\' || c == ';' || c == ',' || c == 'n' || c == 'N');
		} else {
			FUZZ_CHECK(c != ';' && c != ',');
		}
		(void)c;
	}
	buf_free(&b);
}

static void check_fold(const char *s, size_t n)
{
	struct buf b = BUF_INIT, un = BUF_INIT;
	size_t bad;

	if (memchr(s, '\r', n) || memchr(s, '\n', n) || !text_valid_utf8(s, n, &bad))
		return;   /* ical_fold takes one unfolded line of text */
	ical_fold(&b, s, n);
	check_lines(b.data, b.len, &un);
	FUZZ_CHECK(un.len == n && !memcmp(un.data, s, n));
	buf_free(&b);
	buf_free(&un);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static struct arena init_arena;
	static struct events ev;
	static bool ready;
	const char *s = (const char *)data + 1;
	size_t n = size ? size - 1 : 0;

	if (!ready) {
		struct diags d = DIAGS_INIT;
		setenv("SOURCE_DATE_EPOCH", "1795000000", 1);
		arena_init(&init_arena);
		events_init(&init_arena, "/nonexistent", &cfg, &ev, &d);
		diags_free(&d);
		ready = true;
	}
	if (size == 0)
		return 0;
	if (data[0] < 0x80) {
		struct arena a;
		struct diags d = DIAGS_INIT;
		struct event *e;

		arena_init(&a);
		e = event_parse(&a, &ev, "content/events/fuzz.yaml", "fuzz", s, n, &d);
		if (e) {
			struct ical_opts o = { "Fuzz & <events>; cal", "https://example.org/",
					       "example.org", 1795000000 };
			struct buf b = BUF_INIT, un = BUF_INIT;
			ical_calendar(&b, &o, &e, 1);
			check_lines(b.data, b.len, &un);
			FUZZ_CHECK(!strncmp(b.data, "BEGIN:VCALENDAR\r\n", 17));
			FUZZ_CHECK(b.len >= 15 && !memcmp(b.data + b.len - 15, "END:VCALENDAR\r\n", 15));
			buf_free(&b);
			buf_free(&un);
		}
		fuzz_drain(&d);
		arena_free(&a);
	} else {
		check_escape(s, n);
		check_fold(s, n);
	}
	return 0;
}
