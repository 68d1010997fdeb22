/*
 * fuzz.h: what every libFuzzer target here shares: the entry point's
 * prototype (we build with -Wmissing-prototypes), a sink for
 * diagnostics (printed in every format, so the escaping of hostile
 * text in messages is fuzzed too), and a check that aborts with a
 * message when an invariant of ours is broken (libFuzzer then saves the
 * input as a crash).
 */
#ifndef SIGNPOST_FUZZ_H
#define SIGNPOST_FUZZ_H

#include "util/diag.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

#define FUZZ_CHECK(cond)                                                        \
	do {                                                                    \
		if (!(cond)) {                                                  \
			fprintf(stderr, "%s:%d: invariant broken: %s\n", __FILE__, \
				__LINE__, #cond);                               \
			abort();                                                \
		}                                                               \
	} while (0)

/* Prints d in every format to /dev/null, then frees it. */
static inline void fuzz_drain(struct diags *d)
{
	static FILE *null;
	if (!null)
		null = fopen("/dev/null", "w");
	if (null) {
		diags_print(d, null, DIAG_TEXT);
		diags_print(d, null, DIAG_GITHUB);
		diags_print(d, null, DIAG_JSON);
	}
	diags_free(d);
}

#endif
