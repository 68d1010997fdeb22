/*
 * parallel.c: the pool behind render_each.  Threads take the next task
 * from a shared counter, so a slow task does not hold up the others.
 */
#include "render/parallel.h"

#include <pthread.h>
#include <stdatomic.h>

struct pool {
	struct render_ctx *rc;
	size_t n;
	void (*fn)(struct render_ctx *trc, size_t i, void *arg);
	void *arg;
	atomic_size_t next;
};

struct worker {
	struct pool *pool;
	struct arena a;
	struct diags d;
	pthread_t thread;
};

static void *work(void *p)
{
	struct worker *w = p;
	struct pool *pool = w->pool;
	struct render_ctx trc = *pool->rc;
	size_t i;

	trc.a = &w->a;
	trc.d = &w->d;
	while ((i = atomic_fetch_add(&pool->next, 1)) < pool->n)
		pool->fn(&trc, i, pool->arg);
	return NULL;
}

void render_each(struct render_ctx *rc, size_t n,
		 void (*fn)(struct render_ctx *trc, size_t i, void *arg), void *arg)
{
	struct pool pool = { .rc = rc, .n = n, .fn = fn, .arg = arg };
	size_t want = rc->jobs > 1 ? (size_t)rc->jobs : 1;
	/* the calling thread is one of the jobs, with an arena of its own
	 * too: the build's arena is the theme's, which loads templates
	 * into it while other threads render */
	size_t slots = n < want ? n : want;
	struct worker *w = xcalloc(slots, sizeof(*w));
	size_t started = 1;

	if (!slots)
		slots = 1;
	atomic_init(&pool.next, 0);
	for (size_t k = 0; k < slots; k++) {
		w[k].pool = &pool;
		arena_init(&w[k].a);
		w[k].d = (struct diags)DIAGS_INIT;
	}
	for (; started < slots; started++)
		if (pthread_create(&w[started].thread, NULL, work, &w[started]))
			break;
	/* here too, and alone when no thread started */
	work(&w[0]);
	for (size_t k = 0; k < slots; k++) {
		if (k > 0 && k < started)
			pthread_join(w[k].thread, NULL);
		arena_adopt(rc->a, &w[k].a);
		diags_merge(rc->d, &w[k].d);
	}
	free(w);
}
