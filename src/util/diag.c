/*
 * diag.c: collecting and printing diagnostics (GNU style, GitHub
 * annotations, JSON lines).
 */
#include "util/diag.h"
#include "util/buf.h"
#include "util/escape.h"

#include <stdarg.h>

static void diag_vadd(struct diags *d, enum diag_level level, const char *file,
		      int line, int col, const char *fmt, va_list ap)
{
	struct buf msg = BUF_INIT;
	va_list ap2;
	int n;

	va_copy(ap2, ap);
	n = vsnprintf(NULL, 0, fmt, ap2);
	va_end(ap2);
	if (n < 0)
		BUG("bad format '%s'", fmt);
	buf_grow(&msg, (size_t)n);
	vsnprintf(msg.data, (size_t)n + 1, fmt, ap);
	msg.len = (size_t)n;

	if (d->n == d->cap) {
		d->cap = d->cap ? d->cap * 2 : 16;
		d->v = xrealloc(d->v, d->cap * sizeof(*d->v));
	}
	d->v[d->n] = (struct diag){
		.file = xstrdup(file ? file : ""),
		.line = line,
		.col = col,
		.level = level,
		.msg = buf_detach(&msg, NULL),
		.seq = d->n,
	};
	d->n++;
	if (level == DIAG_ERROR)
		d->errors++;
	else
		d->warnings++;
}

void diag_add(struct diags *d, enum diag_level level, const char *file,
	      int line, int col, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	diag_vadd(d, level, file, line, col, fmt, ap);
	va_end(ap);
}

void diag_error(struct diags *d, const char *file, int line, int col,
		const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	diag_vadd(d, DIAG_ERROR, file, line, col, fmt, ap);
	va_end(ap);
}

void diag_warning(struct diags *d, const char *file, int line, int col,
		  const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	diag_vadd(d, DIAG_WARNING, file, line, col, fmt, ap);
	va_end(ap);
}

static int diag_cmp(const void *pa, const void *pb)
{
	const struct diag *a = pa, *b = pb;
	int c = strcmp(a->file, b->file);
	if (c)
		return c;
	if (a->line != b->line)
		return a->line < b->line ? -1 : 1;
	if (a->col != b->col)
		return a->col < b->col ? -1 : 1;
	return a->seq < b->seq ? -1 : a->seq > b->seq;
}

static bool diag_same(const struct diag *a, const struct diag *b)
{
	return a->line == b->line && a->col == b->col && a->level == b->level &&
	       !strcmp(a->file, b->file) && !strcmp(a->msg, b->msg);
}

/* GitHub annotation values: %, CR and LF are percent-encoded; in
 * properties also ':' and ','. */
static void github_escape(FILE *out, const char *s, bool property)
{
	for (; *s; s++) {
		switch (*s) {
		case '%': fputs("%25", out); break;
		case '\r': fputs("%0D", out); break;
		case '\n': fputs("%0A", out); break;
		case ':': fputs(property ? "%3A" : ":", out); break;
		case ',': fputs(property ? "%2C" : ",", out); break;
		default: fputc(*s, out);
		}
	}
}

static void print_one(const struct diag *g, FILE *out, enum diag_format format)
{
	const char *level = g->level == DIAG_ERROR ? "error" : "warning";
	struct buf b = BUF_INIT;

	switch (format) {
	case DIAG_TEXT:
		fputs(g->file, out);
		if (g->line > 0) {
			fprintf(out, ":%d", g->line);
			if (g->col > 0)
				fprintf(out, ":%d", g->col);
		}
		fprintf(out, ": %s: %s\n", level, g->msg);
		break;
	case DIAG_GITHUB:
		fprintf(out, "::%s file=", level);
		github_escape(out, g->file, true);
		if (g->line > 0)
			fprintf(out, ",line=%d", g->line);
		if (g->col > 0)
			fprintf(out, ",col=%d", g->col);
		fputs("::", out);
		github_escape(out, g->msg, false);
		fputc('\n', out);
		break;
	case DIAG_JUNIT:
		break;
	case DIAG_JSON:
		buf_adds(&b, "{\"file\":\"");
		escape_json(&b, g->file, strlen(g->file));
		buf_printf(&b, "\",\"line\":%d,\"column\":%d,\"severity\":\"%s\",\"message\":\"",
			   g->line, g->col, level);
		escape_json(&b, g->msg, strlen(g->msg));
		buf_adds(&b, "\"}\n");
		fputs(buf_cstr(&b), out);
		buf_free(&b);
		break;
	}
}

static void xml_out(FILE *out, const char *s)
{
	struct buf b = BUF_INIT;
	escape_xml(&b, s, strlen(s));
	fputs(buf_cstr(&b), out);
	buf_free(&b);
}

/* One testcase per file with problems; d is sorted, so a file's
 * problems are together. */
static void print_junit(const struct diags *d, FILE *out)
{
	size_t files = 0;

	for (size_t i = 0; i < d->n; i++)
		if (i == 0 || strcmp(d->v[i].file, d->v[i - 1].file))
			files++;
	fprintf(out, "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
		     "<testsuites>\n<testsuite name=\"signpost check\" tests=\"%zu\" failures=\"%zu\" errors=\"0\">\n",
		files ? files : 1, files);
	if (!d->n)
		fputs("  <testcase classname=\"signpost\" name=\"site\"/>\n", out);
	for (size_t i = 0; i < d->n; i++) {
		const struct diag *g = &d->v[i];
		if (i == 0 || strcmp(g->file, d->v[i - 1].file)) {
			fputs("  <testcase classname=\"signpost\" name=\"", out);
			xml_out(out, g->file);
			fputs("\">\n", out);
		}
		if (i > 0 && diag_same(&d->v[i - 1], g))
			goto next;
		fprintf(out, "    <failure type=\"%s\" message=\"", g->level == DIAG_ERROR ? "error" : "warning");
		xml_out(out, g->msg);
		fputs("\">", out);
		xml_out(out, g->file);
		if (g->line > 0)
			fprintf(out, ":%d", g->line);
		if (g->col > 0)
			fprintf(out, ":%d", g->col);
		fputs(": ", out);
		xml_out(out, g->msg);
		fputs("</failure>\n", out);
next:
		if (i + 1 == d->n || strcmp(g->file, d->v[i + 1].file))
			fputs("  </testcase>\n", out);
	}
	fputs("</testsuite>\n</testsuites>\n", out);
}

void diags_print(struct diags *d, FILE *out, enum diag_format format)
{
	if (d->n > 1)
		qsort(d->v, d->n, sizeof(*d->v), diag_cmp);
	if (format == DIAG_JUNIT) {
		print_junit(d, out);
		fflush(out);
		return;
	}
	for (size_t i = 0; i < d->n; i++) {
		if (i > 0 && diag_same(&d->v[i - 1], &d->v[i]))
			continue;
		print_one(&d->v[i], out, format);
	}
	fflush(out);
}

void diags_merge(struct diags *dst, struct diags *src)
{
	for (size_t i = 0; i < src->n; i++) {
		if (dst->n == dst->cap) {
			dst->cap = dst->cap ? dst->cap * 2 : 16;
			dst->v = xrealloc(dst->v, dst->cap * sizeof(*dst->v));
		}
		dst->v[dst->n] = src->v[i];
		dst->v[dst->n].seq = dst->n;
		dst->n++;
	}
	dst->errors += src->errors;
	dst->warnings += src->warnings;
	free(src->v);
	*src = (struct diags)DIAGS_INIT;
}

void diags_free(struct diags *d)
{
	for (size_t i = 0; i < d->n; i++) {
		free(d->v[i].file);
		free(d->v[i].msg);
	}
	free(d->v);
	*d = (struct diags)DIAGS_INIT;
}

bool diag_format_parse(const char *s, enum diag_format *out)
{
	if (!strcmp(s, "text"))
		*out = DIAG_TEXT;
	else if (!strcmp(s, "github"))
		*out = DIAG_GITHUB;
	else if (!strcmp(s, "json"))
		*out = DIAG_JSON;
	else if (!strcmp(s, "junit"))
		*out = DIAG_JUNIT;
	else
		return false;
	return true;
}
