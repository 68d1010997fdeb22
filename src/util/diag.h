/*
 * diag.h: diagnostics.  Every problem found in a run is collected here,
 * then printed once, sorted by file, line and column, in the format the
 * user asked for.  Positions are 1-based and point into the file the
 * person edits; line 0 means "the whole file", column 0 "the whole line".
 */
#ifndef SIGNPOST_DIAG_H
#define SIGNPOST_DIAG_H

#include "util/common.h"

enum diag_level { DIAG_WARNING, DIAG_ERROR };
enum diag_format { DIAG_TEXT, DIAG_GITHUB, DIAG_JSON, DIAG_JUNIT };

struct diag {
	char *file;          /* owned by the diags */
	int line, col;
	enum diag_level level;
	char *msg;           /* owned by the diags */
	size_t seq;          /* order of arrival, to keep sorting stable */
};

struct diags {
	struct diag *v;
	size_t n, cap;
	size_t errors, warnings;
};

#define DIAGS_INIT { NULL, 0, 0, 0, 0 }

void diag_error(struct diags *d, const char *file, int line, int col,
		const char *fmt, ...) __attribute__((format(printf, 5, 6)));
void diag_warning(struct diags *d, const char *file, int line, int col,
		  const char *fmt, ...) __attribute__((format(printf, 5, 6)));
void diag_add(struct diags *d, enum diag_level level, const char *file,
	      int line, int col, const char *fmt, ...)
	__attribute__((format(printf, 6, 7)));

/* Moves every diagnostic of src to dst; src is left empty. */
void diags_merge(struct diags *dst, struct diags *src);

/* Sorts, drops exact repeats, and prints every diagnostic to out.  The
 * JUnit report is one testsuite with a testcase per file that has
 * problems (each problem a <failure>), or a single passing testcase. */
void diags_print(struct diags *d, FILE *out, enum diag_format format);
void diags_free(struct diags *d);

/* Parses "text", "github", "json" or "junit"; false if unknown. */
bool diag_format_parse(const char *s, enum diag_format *out);

#endif
