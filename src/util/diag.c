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

void diags_print(struct diags *d, FILE *out, enum diag_format format)
{
	if (d->n > 1)
		qsort(d->v, d->n, sizeof(*d->v), diag_cmp);
	for (size_t i = 0; i < d->n; i++) {
		if (i > 0 && diag_same(&d->v[i - 1], &d->v[i]))
			continue;
		print_one(&d->v[i], out, format);
	}
	fflush(out);
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
	else
		return false;
	return true;
}
