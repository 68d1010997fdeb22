/*
 * external.c: `signpost check --external`: each distinct external link
 * is fetched once over HTTP(S) with libcurl (HEAD, then GET for servers
 * that refuse HEAD), following redirects, with a timeout.  Off by
 * default: a build never touches the network unless asked.
 */
#include "check/check.h"

#include <curl/curl.h>

#define EXTERNAL_TIMEOUT_S 10L
#define EXTERNAL_CONNECT_TIMEOUT_S 5L
#define EXTERNAL_MAX_REDIRECTS 5L

static int link_cmp(const void *pa, const void *pb)
{
	const struct external_link *a = pa, *b = pb;
	return strcmp(a->url, b->url);
}

static size_t discard(char *data, size_t size, size_t n, void *ctx)
{
	(void)data;
	(void)ctx;
	return size * n;
}

/* The HTTP status of url (0 when there was none), and curl's error in
 * err otherwise. */
static long fetch(CURL *c, const char *url, bool head, char err[CURL_ERROR_SIZE])
{
	long status = 0;

	err[0] = '\0';
	curl_easy_reset(c);
	curl_easy_setopt(c, CURLOPT_URL, url);
	curl_easy_setopt(c, CURLOPT_NOBODY, head ? 1L : 0L);
	curl_easy_setopt(c, CURLOPT_FOLLOWLOCATION, 1L);
	curl_easy_setopt(c, CURLOPT_MAXREDIRS, EXTERNAL_MAX_REDIRECTS);
	curl_easy_setopt(c, CURLOPT_TIMEOUT, EXTERNAL_TIMEOUT_S);
	curl_easy_setopt(c, CURLOPT_CONNECTTIMEOUT, EXTERNAL_CONNECT_TIMEOUT_S);
	curl_easy_setopt(c, CURLOPT_PROTOCOLS_STR, "http,https");
	curl_easy_setopt(c, CURLOPT_REDIR_PROTOCOLS_STR, "http,https");
	curl_easy_setopt(c, CURLOPT_USERAGENT, "signpost-check");
	curl_easy_setopt(c, CURLOPT_WRITEFUNCTION, discard);
	curl_easy_setopt(c, CURLOPT_ERRORBUFFER, err);
	curl_easy_setopt(c, CURLOPT_NOSIGNAL, 1L);
	if (curl_easy_perform(c) == CURLE_OK)
		curl_easy_getinfo(c, CURLINFO_RESPONSE_CODE, &status);
	else if (!err[0])
		snprintf(err, CURL_ERROR_SIZE, "no answer");
	return status;
}

void check_external(struct check_ctx *ctx, const struct external_link *links, size_t n)
{
	struct external_link *v;
	CURL *c;

	if (!n)
		return;
	if (curl_global_init(CURL_GLOBAL_DEFAULT) != 0 || !(c = curl_easy_init())) {
		diag_error(ctx->d, "--external", 0, 0, "cannot start the HTTP client");
		return;
	}
	v = xmalloc(n * sizeof(*v));
	memcpy(v, links, n * sizeof(*v));
	qsort(v, n, sizeof(*v), link_cmp);
	for (size_t i = 0; i < n;) {
		char err[CURL_ERROR_SIZE];
		size_t j = i;
		long status = fetch(c, v[i].url, true, err);

		/* some servers refuse HEAD: ask again with GET */
		if (status == 403 || status == 405 || status == 501 || (!status && err[0]))
			status = fetch(c, v[i].url, false, err);
		bool layout_told = false;

		for (; j < n && !strcmp(v[j].url, v[i].url); j++) {
			/* a link the layout writes on every page is told once */
			if (!v[j].line && layout_told)
				continue;
			layout_told |= !v[j].line;
			if (status >= 400)
				check_report(ctx, RULE_EXTERNAL_LINK, v[j].page, v[j].file, v[j].line,
					     v[j].col, "link to '%s' answered %ld", v[j].url, status);
			else if (!status)
				check_report(ctx, RULE_EXTERNAL_LINK, v[j].page, v[j].file, v[j].line,
					     v[j].col, "link to '%s' could not be fetched: %s", v[j].url,
					     err);
		}
		i = j;
	}
	free(v);
	curl_easy_cleanup(c);
	curl_global_cleanup();
}
