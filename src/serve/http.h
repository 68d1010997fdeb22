/*
 * http.h: the development server's HTTP side, on libmicrohttpd.  It
 * serves the files of one folder (the last good build), adds the
 * live-reload tags to HTML pages, lays the error overlay over them
 * while the latest build has failed, and pushes the build generation
 * to browsers as server-sent events.  One thread per connection, with
 * a ceiling on connections.
 */
#ifndef SIGNPOST_SERVE_HTTP_H
#define SIGNPOST_SERVE_HTTP_H

#include "util/diag.h"

/* Most connections at once, and from one address. */
#define SERVE_MAX_CONNECTIONS 64
#define SERVE_MAX_PER_IP      48
/* Seconds between keep-alive comments on an event stream. */
#define SERVE_HEARTBEAT_S     10

struct server;

/*
 * Opens a listening TCP socket on address bind (IPv4 or IPv6, already
 * checked) and port (0: any free port).  Returns the socket with the
 * port actually bound in *bound, or -1 after printing one line to
 * stderr saying why (a port in use comes with the next port to try).
 */
int server_listen(const char *bind, int port, int *bound);

/*
 * Owned (stop with server_stop()): a server on the listening socket fd
 * (which it takes) for the files under root.  check_host refuses
 * requests whose Host header is not a loopback name, against DNS
 * rebinding when bound to a loopback address.  NULL after a message on
 * stderr.
 */
struct server *server_start(int fd, const char *root, bool check_host);

/*
 * Tells the server a build finished: ok says whether it succeeded (and
 * so replaced the files under root); d holds its diagnostics, shown
 * over every HTML page until a later build succeeds.  Bumps the
 * generation, so open pages reload.
 */
void server_publish(struct server *s, bool ok, const struct diags *d);

/* Ends every event stream, stops the threads, closes the socket. */
void server_stop(struct server *s);

#endif
