/*
 * harness.h: the tiny unit-test harness.  A test file defines test
 * functions with TEST(name), lists them in main() with RUN(name), and
 * ends with `return harness_done();`, which prints the closing line
 * "N passed, N failed" and returns non-zero on any failure.
 *
 * CHECK(cond) records a failure and goes on; a test passes when none of
 * its checks failed.
 */
#ifndef SIGNPOST_HARNESS_H
#define SIGNPOST_HARNESS_H

#include "util/common.h"

static int harness_passed, harness_failed, harness_current_failed;
static const char *harness_current;

#define TEST(name) static void test_##name(void)

#define RUN(name)                                                        \
	do {                                                             \
		harness_current = #name;                                 \
		harness_current_failed = 0;                              \
		test_##name();                                           \
		if (harness_current_failed)                              \
			harness_failed++;                                \
		else                                                     \
			harness_passed++;                                \
	} while (0)

#define CHECK(cond)                                                      \
	do {                                                             \
		if (!(cond)) {                                           \
			fprintf(stderr, "%s:%d: %s: check failed: %s\n", \
				__FILE__, __LINE__, harness_current,     \
				#cond);                                  \
			harness_current_failed = 1;                      \
		}                                                        \
	} while (0)

/* Compares two C strings, printing both when they differ. */
#define CHECK_STR(got, want)                                              \
	do {                                                              \
		const char *g_ = (got), *w_ = (want);                     \
		if (!g_ || !w_ || strcmp(g_, w_)) {                       \
			fprintf(stderr,                                   \
				"%s:%d: %s: got  \"%s\"\n%*swant \"%s\"\n", \
				__FILE__, __LINE__, harness_current,      \
				g_ ? g_ : "(null)",                       \
				(int)(strlen(__FILE__) + 12), "",         \
				w_ ? w_ : "(null)");                      \
			harness_current_failed = 1;                       \
		}                                                         \
	} while (0)

static inline int harness_done(void)
{
	printf("%d passed, %d failed\n", harness_passed, harness_failed);
	return harness_failed ? 1 : 0;
}

#endif
