/*
 * http.c: requests to the development server.  What it answers:
 *   /_signpost/reload.js, /_signpost/serve.css   the server's own files
 *   /_signpost/events     the build generation as server-sent events
 *   anything else         the file under root it names; a folder's
 *                         index.html; a folder named without its final
 *                         '/' is redirected; 404.html with 404 when
 *                         nothing matches
 * HTML pages get the reload script (and the overlay while the latest
 * build has failed).  Every answer says "no-store", so a reload always
 * shows the newest build.
 */
#include "serve/http.h"
#include "serve/respond.h"
#include "util/buf.h"
#include "util/limits.h"

#include <arpa/inet.h>
#include <errno.h>
#include <fcntl.h>
#include <microhttpd.h>
#include <netinet/in.h>
#include <pthread.h>
#include <strings.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

struct server {
	struct MHD_Daemon *daemon;
	char *root;                 /* owned */
	bool check_host;
	pthread_mutex_t lock;       /* guards what follows */
	pthread_cond_t changed;     /* signalled on publish and stop */
	unsigned long generation;   /* builds finished so far */
	bool have_site;             /* some build succeeded */
	char *overlay;              /* owned: the failed build's overlay, or NULL */
	bool stopping;
};

/* What one request sees of the server's state, taken before any file
 * is opened: a page read after a rebuild then carries an older
 * generation, and reloads once more, rather than the other way round. */
struct view {
	unsigned long generation;
	bool have_site;
	char *overlay;              /* owned copy, or NULL */
};

static void view_take(struct server *s, struct view *v)
{
	pthread_mutex_lock(&s->lock);
	v->generation = s->generation;
	v->have_site = s->have_site;
	v->overlay = s->overlay ? xstrdup(s->overlay) : NULL;
	pthread_mutex_unlock(&s->lock);
}

/* One open event stream. */
struct stream {
	struct server *s;
	unsigned long sent;
	bool started;
};

int server_listen(const char *bind_addr, int port, int *bound)
{
	struct sockaddr_storage ss;
	struct sockaddr_in *in4 = (struct sockaddr_in *)&ss;
	struct sockaddr_in6 *in6 = (struct sockaddr_in6 *)&ss;
	socklen_t len;
	int fd, one = 1;

	memset(&ss, 0, sizeof(ss));
	if (inet_pton(AF_INET, bind_addr, &in4->sin_addr) == 1) {
		in4->sin_family = AF_INET;
		in4->sin_port = htons((uint16_t)port);
		len = sizeof(*in4);
	} else if (inet_pton(AF_INET6, bind_addr, &in6->sin6_addr) == 1) {
		in6->sin6_family = AF_INET6;
		in6->sin6_port = htons((uint16_t)port);
		len = sizeof(*in6);
	} else {
		BUG("address '%s' was not checked", bind_addr);
	}

	fd = socket(ss.ss_family, SOCK_STREAM | SOCK_CLOEXEC, 0);
	if (fd < 0) {
		fprintf(stderr, "signpost serve: cannot open a socket: %s\n", strerror(errno));
		return -1;
	}
	/* a port left in TIME_WAIT by the last run may be reused; a port
	 * another process listens on still may not */
	setsockopt(fd, SOL_SOCKET, SO_REUSEADDR, &one, sizeof(one));
	if (ss.ss_family == AF_INET6)
		setsockopt(fd, IPPROTO_IPV6, IPV6_V6ONLY, &one, sizeof(one));
	if (bind(fd, (struct sockaddr *)&ss, len) < 0) {
		int e = errno;
		if (e == EADDRINUSE)
			fprintf(stderr, "signpost serve: port %d on %s is already in use (another signpost serve?); try --port %d\n",
				port, bind_addr, port < 65535 ? port + 1 : 1313);
		else if (e == EACCES)
			fprintf(stderr, "signpost serve: no permission to listen on port %d (ports below 1024 need root); try --port 1313\n",
				port);
		else if (e == EADDRNOTAVAIL)
			fprintf(stderr, "signpost serve: '%s' is not an address of this machine; try --bind 127.0.0.1\n",
				bind_addr);
		else
			fprintf(stderr, "signpost serve: cannot listen on %s port %d: %s\n", bind_addr, port,
				strerror(e));
		close(fd);
		return -1;
	}
	if (listen(fd, 64) < 0) {
		fprintf(stderr, "signpost serve: cannot listen on %s port %d: %s\n", bind_addr, port,
			strerror(errno));
		close(fd);
		return -1;
	}
	len = sizeof(ss);
	getsockname(fd, (struct sockaddr *)&ss, &len);
	*bound = ntohs(ss.ss_family == AF_INET ? in4->sin_port : in6->sin6_port);
	return fd;
}

static void add_common_headers(struct MHD_Response *r, const char *type)
{
	MHD_add_response_header(r, "Content-Type", type);
	MHD_add_response_header(r, "Cache-Control", "no-store");
	MHD_add_response_header(r, "X-Content-Type-Options", "nosniff");
	/* the policy the published site must work under: nothing inline,
	 * nothing from elsewhere */
	MHD_add_response_header(r, "Content-Security-Policy", "default-src 'self'");
}

static enum MHD_Result send_buffer(struct MHD_Connection *c, unsigned int status,
				   const char *type, char *data, size_t len, bool owned)
{
	struct MHD_Response *r = MHD_create_response_from_buffer(
		len, data, owned ? MHD_RESPMEM_MUST_FREE : MHD_RESPMEM_PERSISTENT);
	enum MHD_Result ret;

	if (!r) {
		if (owned)
			free(data);
		return MHD_NO;
	}
	add_common_headers(r, type);
	ret = MHD_queue_response(c, status, r);
	MHD_destroy_response(r);
	return ret;
}

static enum MHD_Result send_text(struct MHD_Connection *c, unsigned int status, const char *text)
{
	return send_buffer(c, status, "text/plain; charset=utf-8", (char *)text, strlen(text), false);
}

/* The page with the reload tags and, while the last build failed, the
 * overlay. */
static enum MHD_Result send_html(const struct view *v, struct MHD_Connection *c,
				 unsigned int status, const char *html, size_t len)
{
	struct buf out = BUF_INIT, head = BUF_INIT, body = BUF_INIT;
	size_t n;
	char *data;

	if (v->overlay)
		buf_adds(&body, v->overlay);
	serve_body_tags(&body, v->generation);
	serve_head_tags(&head);
	buf_grow(&out, len + head.len + body.len);
	serve_inject(&out, html, len, buf_cstr(&head), buf_cstr(&body));
	buf_free(&head);
	buf_free(&body);
	data = buf_detach(&out, &n);
	return send_buffer(c, status, "text/html; charset=utf-8", data, n, true);
}

/* Owned: the contents of the regular file fd (size bytes), or NULL. */
static char *read_all(int fd, size_t size)
{
	char *data = xmalloc(size + 1);
	size_t got = 0;

	while (got < size) {
		ssize_t n = read(fd, data + got, size - got);
		if (n < 0 && errno == EINTR)
			continue;
		if (n <= 0) {
			free(data);
			return NULL;
		}
		got += (size_t)n;
	}
	data[size] = '\0';
	return data;
}

/* No site yet (the first build failed): the overlay on a page of its
 * own. */
static enum MHD_Result send_error_page(const struct view *v, struct MHD_Connection *c)
{
	struct buf b = BUF_INIT;
	size_t n;
	char *data;

	serve_error_page(&b, v->overlay ? v->overlay : "", v->generation);
	data = buf_detach(&b, &n);
	return send_buffer(c, MHD_HTTP_INTERNAL_SERVER_ERROR, "text/html; charset=utf-8", data, n, true);
}

enum open_result { OPENED, MISSING, IS_DIR };

/* Opens root/rel when it is a regular file (not through a symbolic
 * link at the end; a build never writes links). */
static enum open_result open_file(struct server *s, const char *rel, int *fd_out, struct stat *st)
{
	struct buf path = BUF_INIT;
	int fd;

	buf_printf(&path, "%s/%s", s->root, rel);
	fd = open(buf_cstr(&path), O_RDONLY | O_NOFOLLOW | O_CLOEXEC);
	buf_free(&path);
	if (fd < 0)
		return MISSING;
	if (fstat(fd, st) < 0 || !(S_ISREG(st->st_mode) || S_ISDIR(st->st_mode))) {
		close(fd);
		return MISSING;
	}
	if (S_ISDIR(st->st_mode)) {
		close(fd);
		return IS_DIR;
	}
	*fd_out = fd;
	return OPENED;
}

static enum MHD_Result send_file(const struct view *v, struct MHD_Connection *c, unsigned int status,
				 const char *rel, int fd, const struct stat *st)
{
	struct MHD_Response *r;
	enum MHD_Result ret;

	if (serve_is_html(rel) && (uint64_t)st->st_size <= LIMIT_OUTPUT_SIZE) {
		char *html = read_all(fd, (size_t)st->st_size);
		close(fd);
		if (!html)
			return send_text(c, MHD_HTTP_INTERNAL_SERVER_ERROR, "cannot read the page\n");
		ret = send_html(v, c, status, html, (size_t)st->st_size);
		free(html);
		return ret;
	}
	r = MHD_create_response_from_fd64((uint64_t)st->st_size, fd);
	if (!r) {
		close(fd);
		return MHD_NO;
	}
	add_common_headers(r, serve_content_type(rel));
	ret = MHD_queue_response(c, status, r);
	MHD_destroy_response(r);
	return ret;
}

static enum MHD_Result send_not_found(struct server *s, const struct view *v,
				      struct MHD_Connection *c)
{
	struct stat st;
	int fd;

	if (open_file(s, "404.html", &fd, &st) == OPENED)
		return send_file(v, c, MHD_HTTP_NOT_FOUND, "404.html", fd, &st);
	return send_text(c, MHD_HTTP_NOT_FOUND, "Not found\n");
}

static enum MHD_Result send_redirect(struct MHD_Connection *c, const char *url)
{
	struct MHD_Response *r = MHD_create_response_from_buffer(0, (void *)"", MHD_RESPMEM_PERSISTENT);
	struct buf loc = BUF_INIT;
	enum MHD_Result ret;

	if (!r)
		return MHD_NO;
	serve_url_encode(&loc, url);
	buf_addc(&loc, '/');
	add_common_headers(r, "text/plain; charset=utf-8");
	MHD_add_response_header(r, "Location", buf_cstr(&loc));
	ret = MHD_queue_response(c, MHD_HTTP_MOVED_PERMANENTLY, r);
	MHD_destroy_response(r);
	buf_free(&loc);
	return ret;
}

static ssize_t stream_read(void *cls, uint64_t pos, char *out, size_t max)
{
	struct stream *st = cls;
	struct server *s = st->s;
	struct timespec until;
	int n;

	(void)pos;
	clock_gettime(CLOCK_MONOTONIC, &until);
	until.tv_sec += SERVE_HEARTBEAT_S;
	pthread_mutex_lock(&s->lock);
	while (!s->stopping && st->started && st->sent == s->generation)
		if (pthread_cond_timedwait(&s->changed, &s->lock, &until) == ETIMEDOUT)
			break;
	if (s->stopping) {
		pthread_mutex_unlock(&s->lock);
		return MHD_CONTENT_READER_END_OF_STREAM;
	}
	if (!st->started || st->sent != s->generation) {
		n = snprintf(out, max, "%sdata: %lu\n\n", st->started ? "" : "retry: 1000\n",
			     s->generation);
		st->sent = s->generation;
		st->started = true;
	} else {
		n = snprintf(out, max, ": keep-alive\n\n");
	}
	pthread_mutex_unlock(&s->lock);
	return n < 0 || (size_t)n >= max ? MHD_CONTENT_READER_END_WITH_ERROR : n;
}

static enum MHD_Result send_stream(struct server *s, struct MHD_Connection *c)
{
	struct stream *st = xcalloc(1, sizeof(*st));
	struct MHD_Response *r;
	enum MHD_Result ret;

	st->s = s;
	r = MHD_create_response_from_callback(MHD_SIZE_UNKNOWN, 1024, stream_read, st, free);
	if (!r) {
		free(st);
		return MHD_NO;
	}
	add_common_headers(r, "text/event-stream; charset=utf-8");
	ret = MHD_queue_response(c, MHD_HTTP_OK, r);
	MHD_destroy_response(r);
	return ret;
}

/* A loopback name, with or without a port. */
static bool host_ok(const char *host)
{
	size_t n;

	if (!host)
		return true;        /* HTTP/1.0 */
	if (host[0] == '[') {
		const char *end = strchr(host, ']');
		return end && (size_t)(end - host) == 4 && !strncmp(host, "[::1]", 5);
	}
	n = strcspn(host, ":");
	return (n == 9 && !strncasecmp(host, "localhost", 9)) ||
	       (n == 9 && !strncmp(host, "127.0.0.1", 9));
}

static enum MHD_Result handle(void *cls, struct MHD_Connection *c, const char *url,
			      const char *method, const char *version,
			      const char *upload_data, size_t *upload_size, void **con_cls)
{
	struct server *s = cls;
	struct stat st;
	struct view v;
	enum open_result got;
	enum MHD_Result ret;
	char *rel;
	int fd = -1;

	(void)version;
	(void)upload_data;
	/* answering only on the second call, once the request is read,
	 * keeps the connection alive for the page's next request */
	if (!*con_cls) {
		*con_cls = s;
		return MHD_YES;
	}
	/* a request body is read and dropped, never kept */
	if (*upload_size) {
		*upload_size = 0;
		return MHD_YES;
	}
	if (strcmp(method, "GET") && strcmp(method, "HEAD")) {
		struct MHD_Response *r = MHD_create_response_from_buffer(
			19, (void *)"Method not allowed\n", MHD_RESPMEM_PERSISTENT);
		if (!r)
			return MHD_NO;
		add_common_headers(r, "text/plain; charset=utf-8");
		MHD_add_response_header(r, "Allow", "GET, HEAD");
		ret = MHD_queue_response(c, MHD_HTTP_METHOD_NOT_ALLOWED, r);
		MHD_destroy_response(r);
		return ret;
	}
	if (s->check_host && !host_ok(MHD_lookup_connection_value(c, MHD_HEADER_KIND, "Host")))
		return send_text(c, MHD_HTTP_FORBIDDEN, "This server answers only to localhost\n");

	if (!strcmp(url, SERVE_PREFIX "reload.js"))
		return send_buffer(c, MHD_HTTP_OK, "text/javascript; charset=utf-8",
				   (char *)serve_reload_js, strlen(serve_reload_js), false);
	if (!strcmp(url, SERVE_PREFIX "serve.css"))
		return send_buffer(c, MHD_HTTP_OK, "text/css; charset=utf-8",
				   (char *)serve_css, strlen(serve_css), false);
	if (!strcmp(url, SERVE_PREFIX "events"))
		return send_stream(s, c);

	view_take(s, &v);
	rel = serve_url_to_rel(url);
	got = rel && v.have_site ? open_file(s, rel, &fd, &st) : MISSING;
	if (got == OPENED)
		ret = send_file(&v, c, MHD_HTTP_OK, rel, fd, &st);
	else if (got == IS_DIR)
		ret = send_redirect(c, url);
	else if (!v.have_site)
		ret = send_error_page(&v, c);
	else
		ret = send_not_found(s, &v, c);
	free(rel);
	free(v.overlay);
	return ret;
}

struct server *server_start(int fd, const char *root, bool check_host)
{
	struct server *s = xcalloc(1, sizeof(*s));
	struct sockaddr_storage ss;
	socklen_t len = sizeof(ss);
	pthread_condattr_t ca;
	unsigned int flags = MHD_USE_THREAD_PER_CONNECTION | MHD_USE_INTERNAL_POLLING_THREAD;

	s->root = xstrdup(root);
	s->check_host = check_host;
	pthread_mutex_init(&s->lock, NULL);
	pthread_condattr_init(&ca);
	pthread_condattr_setclock(&ca, CLOCK_MONOTONIC);
	pthread_cond_init(&s->changed, &ca);
	pthread_condattr_destroy(&ca);

	if (getsockname(fd, (struct sockaddr *)&ss, &len) == 0 && ss.ss_family == AF_INET6)
		flags |= MHD_USE_IPv6;
	s->daemon = MHD_start_daemon(flags, 0, NULL, NULL, handle, s,
				     MHD_OPTION_LISTEN_SOCKET, fd,
				     MHD_OPTION_CONNECTION_LIMIT, (unsigned int)SERVE_MAX_CONNECTIONS,
				     MHD_OPTION_PER_IP_CONNECTION_LIMIT, (unsigned int)SERVE_MAX_PER_IP,
				     MHD_OPTION_CONNECTION_TIMEOUT, (unsigned int)(3 * SERVE_HEARTBEAT_S),
				     MHD_OPTION_CONNECTION_MEMORY_LIMIT, (size_t)(64 * 1024),
				     MHD_OPTION_END);
	if (!s->daemon) {
		fprintf(stderr, "signpost serve: cannot start the HTTP server\n");
		close(fd);
		pthread_cond_destroy(&s->changed);
		pthread_mutex_destroy(&s->lock);
		free(s->root);
		free(s);
		return NULL;
	}
	return s;
}

void server_publish(struct server *s, bool ok, const struct diags *d)
{
	char *overlay = NULL;

	if (!ok) {
		struct buf b = BUF_INIT;
		serve_overlay(&b, d, s->have_site);
		overlay = buf_detach(&b, NULL);
	}
	pthread_mutex_lock(&s->lock);
	free(s->overlay);
	s->overlay = overlay;
	s->have_site |= ok;
	s->generation++;
	pthread_cond_broadcast(&s->changed);
	pthread_mutex_unlock(&s->lock);
}

void server_stop(struct server *s)
{
	if (!s)
		return;
	pthread_mutex_lock(&s->lock);
	s->stopping = true;
	pthread_cond_broadcast(&s->changed);
	pthread_mutex_unlock(&s->lock);
	MHD_stop_daemon(s->daemon);
	pthread_cond_destroy(&s->changed);
	pthread_mutex_destroy(&s->lock);
	free(s->overlay);
	free(s->root);
	free(s);
}
