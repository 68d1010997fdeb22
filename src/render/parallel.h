/*
 * parallel.h: independent renders on a pool of threads.  Each thread
 * renders with its own arena and diagnostics, joined into the build's
 * when all are done, so a task may keep what it allocates.  Tasks must
 * not list outputs or add search documents (those lists are the main
 * thread's, kept in a deterministic order): they store their files
 * with outputs_store and leave what the caller lists afterwards, in
 * task order, in their own slot of arg.
 */
#ifndef SIGNPOST_PARALLEL_H
#define SIGNPOST_PARALLEL_H

#include "render/render.h"

/* Calls fn(trc, i, arg) for every i in [0, n), on up to rc->jobs
 * threads (none when jobs is 0 or 1, or threads cannot start); trc is
 * a copy of rc with the thread's arena and diagnostics. */
void render_each(struct render_ctx *rc, size_t n,
		 void (*fn)(struct render_ctx *trc, size_t i, void *arg), void *arg);

#endif
