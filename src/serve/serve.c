/*
 * serve.c: the development server's main loop.  The site is built
 * with build_run into a private temporary folder (so the atomic swap
 * of a normal build keeps the last good site whole); the HTTP threads
 * serve that folder; this thread waits on inotify and the signals,
 * rebuilds after a change and tells the HTTP side, which makes open
 * pages reload.  The folder is removed on the way out.
 */
#include "serve/serve.h"
#include "build.h"
#include "serve/http.h"
#include "serve/watch.h"
#include "util/buf.h"
#include "util/fs.h"

#include <errno.h>
#include <poll.h>
#include <signal.h>
#include <sys/signalfd.h>
#include <time.h>
#include <unistd.h>

/* Milliseconds on the monotonic clock. */
static double now_ms(void)
{
	struct timespec t;
	clock_gettime(CLOCK_MONOTONIC, &t);
	return (double)t.tv_sec * 1e3 + (double)t.tv_nsec / 1e6;
}

/* The site's build, kept between changes (build.h's session). */
struct builder {
	struct build_opts opts;
	struct build_session *session;
	struct diags d;           /* the last run's diagnostics */
};

/* The first build, into out. */
static bool build_first(struct builder *b, const struct serve_opts *o, const char *out,
			const char *base_url)
{
	double start = now_ms();
	int status;

	b->opts = (struct build_opts){
		.site_dir = o->site_dir,
		.out_dir = out,
		.base_url = base_url,
		.drafts = o->drafts,
		.write = true,
		.jobs = o->jobs,
		.format = DIAG_TEXT,
		.keep_diags = &b->d,
	};
	b->session = build_session_open(&b->opts, &status);
	if (status == 0)
		fprintf(stderr, "signpost: built in %.1f ms\n", now_ms() - start);
	else
		fprintf(stderr, "signpost: the build failed (%.1f ms)\n", now_ms() - start);
	return status == 0;
}

/* After a change: only the changed page when one page's body changed
 * (changed is NULL when several files did), else everything; then the
 * browsers are told. */
static void rebuild(struct builder *b, struct server *srv, const char *why, const char *changed)
{
	double start = now_ms(), took;
	bool partial;
	int status;

	fprintf(stderr, "signpost: %s changed; rebuilding\n", why);
	status = build_session_update(b->session, changed, &partial);
	took = now_ms() - start;
	if (status == 0)
		fprintf(stderr, "signpost: %s in %.1f ms\n",
			partial ? "updated the page and what shows it" : "rebuilt", took);
	else
		fprintf(stderr, "signpost: the build failed (%.1f ms); the browser shows the errors over the last good site\n",
			took);
	server_publish(srv, status == 0, &b->d);
	diags_free(&b->d);
}

/* Owned: a fresh private folder, or NULL.  It goes under $TMPDIR when
 * that is set, else in memory under /dev/shm (writing and removing a
 * site there is quick, which shortens each rebuild), else under /tmp. */
static char *make_private_dir(void)
{
	const char *tmp = getenv("TMPDIR");
	struct buf b = BUF_INIT;
	char *dir;

	if (!tmp || !*tmp)
		tmp = fs_kind("/dev/shm") == FS_DIR && access("/dev/shm", W_OK | X_OK) == 0 ? "/dev/shm" : "/tmp";
	buf_printf(&b, "%s/signpost-serve-XXXXXX", tmp);
	dir = buf_detach(&b, NULL);
	if (!mkdtemp(dir)) {
		fprintf(stderr, "signpost serve: cannot create a folder for the site in '%s': %s\n", tmp,
			strerror(errno));
		free(dir);
		return NULL;
	}
	return dir;
}

/* The URL people open: a wildcard address is reached as localhost. */
static char *site_url(const char *bind, int port)
{
	struct buf b = BUF_INIT;

	if (!strcmp(bind, "0.0.0.0") || !strcmp(bind, "::"))
		buf_printf(&b, "http://localhost:%d/", port);
	else if (strchr(bind, ':'))
		buf_printf(&b, "http://[%s]:%d/", bind, port);
	else
		buf_printf(&b, "http://%s:%d/", bind, port);
	return buf_detach(&b, NULL);
}

static bool is_loopback(const char *bind)
{
	return !strncmp(bind, "127.", 4) || !strcmp(bind, "::1");
}

/* Waits for changes and signals; returns when a signal came. */
static void loop(struct builder *b, struct watch *w, int sig_fd, struct server *srv)
{
	double first = -1, last = -1;    /* the first and the latest change, or -1 */
	struct buf why = BUF_INIT;
	bool one_file = false;           /* every change so far was to the file why */

	for (;;) {
		struct pollfd fds[2] = {
			{ .fd = sig_fd, .events = POLLIN },
			{ .fd = w ? watch_fd(w) : -1, .events = POLLIN },
		};
		int timeout = -1;
		const char *changed;
		bool one;

		if (first >= 0) {
			double t = now_ms();
			double quiet = last + SERVE_QUIET_MS - t, most = first + SERVE_WAIT_MAX_MS - t;
			double left = quiet < most ? quiet : most;
			/* rounded up, so poll never wakes just before the time */
			timeout = left > 0 ? (int)left + 1 : 0;
		}
		if (poll(fds, 2, timeout) < 0 && errno != EINTR) {
			fprintf(stderr, "signpost serve: poll: %s\n", strerror(errno));
			break;
		}
		if (fds[0].revents & POLLIN)
			break;
		if (w && (fds[1].revents & POLLIN) && watch_read(w, &changed, &one)) {
			last = now_ms();
			if (first < 0) {
				first = last;
				buf_reset(&why);
				buf_adds(&why, changed);
				one_file = one;
			} else {
				one_file = one_file && one && !strcmp(changed, buf_cstr(&why));
			}
		}
		if (first >= 0) {
			double t = now_ms();
			if (t - last >= SERVE_QUIET_MS || t - first >= SERVE_WAIT_MAX_MS) {
				first = last = -1;
				rebuild(b, srv, buf_cstr(&why), one_file ? buf_cstr(&why) : NULL);
			}
		}
	}
	buf_free(&why);
}

int serve_run(const struct serve_opts *o)
{
	sigset_t mask;
	int listen_fd, port, sig_fd = -1, status = 1;
	char *dir = NULL, *url = NULL;
	const char *out;
	struct arena a;
	struct server *srv = NULL;
	struct watch *w = NULL;
	struct builder b = { .d = DIAGS_INIT };
	bool ok;

	arena_init(&a);
	if (fs_kind(path_join(&a, o->site_dir, "config.yaml")) != FS_FILE) {
		fprintf(stderr, "signpost serve: no config.yaml in '%s'; run it in a site folder or give -s DIR\n",
			o->site_dir);
		goto done;
	}
	/* the signals are read from a descriptor, here; every thread
	 * started from now on inherits the blocked mask */
	sigemptyset(&mask);
	sigaddset(&mask, SIGINT);
	sigaddset(&mask, SIGTERM);
	sigaddset(&mask, SIGHUP);
	pthread_sigmask(SIG_BLOCK, &mask, NULL);
	signal(SIGPIPE, SIG_IGN);
	sig_fd = signalfd(-1, &mask, SFD_CLOEXEC);
	if (sig_fd < 0) {
		fprintf(stderr, "signpost serve: signalfd: %s\n", strerror(errno));
		goto done;
	}

	listen_fd = server_listen(o->bind, o->port, &port);
	if (listen_fd < 0)
		goto done;
	dir = make_private_dir();
	if (!dir) {
		close(listen_fd);
		goto done;
	}
	out = path_join(&a, dir, "site");
	url = site_url(o->bind, port);

	w = watch_open(o->site_dir);
	if (!w)
		fprintf(stderr, "signpost serve: cannot watch the site (%s); restart to see changes\n",
			strerror(errno));
	/* connections wait in the listen queue until the first build is in */
	ok = build_first(&b, o, out, url);
	srv = server_start(listen_fd, out, is_loopback(o->bind));
	if (!srv)
		goto done;
	server_publish(srv, ok, &b.d);
	diags_free(&b.d);
	fprintf(stderr, "signpost: serving %s (press Ctrl-C to stop)\n", url);
	loop(&b, w, sig_fd, srv);
	fprintf(stderr, "signpost: stopped\n");
	status = 0;
done:
	diags_free(&b.d);
	build_session_close(b.session);
	server_stop(srv);
	watch_close(w);
	if (sig_fd >= 0)
		close(sig_fd);
	if (dir) {
		fs_remove_tree(dir);
		free(dir);
	}
	free(url);
	arena_free(&a);
	return status;
}
