/*
 * fuzz_markdown.c: Markdown through cmark-gfm and our passes (link
 * rewriting, unsafe URL refusal, heading ids, table of contents).  The
 * first byte chooses the options (1 raw HTML, 2 link callback,
 * 4 glossary terms, 8 heading id prefix); the rest is the page body.
 *
 * With raw HTML off, the output is checked as a browser would read it:
 * every tag is one cmark (or our heading pass) writes, and every href
 * and src passes url_is_safe.  A hostile page that gets a <script>, an
 * event handler or a javascript: URL through is a finding.
 */
#include "fuzz.h"
#include "render/markdown.h"
#include "util/escape.h"

#include <ctype.h>
#include <strings.h>

static struct arena *cur_arena;

static const char *rewrite(void *ctx, const char *dest, int line, int col)
{
	struct diags *d = ctx;
	size_t n = strlen(dest);

	FUZZ_CHECK(line >= 1 && col >= 0);
	if (n >= 3 && !strcmp(dest + n - 3, ".md"))
		return arena_printf(cur_arena, "/rewritten/%zu/", n);
	if (!strncmp(dest, "missing", 7))
		diag_error(d, "content/p.md", line, col, "link to '%s' is missing", dest);
	return NULL;
}

static bool tag_allowed(const char *name, size_t n)
{
	static const char *const tags[] = {
		"p", "em", "strong", "a", "img", "code", "pre", "ul", "ol", "li",
		"blockquote", "h1", "h2", "h3", "h4", "h5", "h6", "hr", "br", "table",
		"thead", "tbody", "tr", "th", "td", "del",
	};
	for (size_t i = 0; i < ARRAY_LEN(tags); i++)
		if (strlen(tags[i]) == n && !strncasecmp(tags[i], name, n))
			return true;
	return false;
}

/* The HTML a safe page may hold: known tags only, safe URLs only,
 * attributes from a short list. */
static void check_safe_html(const char *html)
{
	for (const char *p = strchr(html, '<'); p; p = strchr(p + 1, '<')) {
		const char *q = p + 1, *name;
		size_t n;

		if (!strncmp(q, "!-- raw HTML omitted -->", 24))
			continue;
		if (*q == '/')
			q++;
		name = q;
		while (isalnum((unsigned char)*q))
			q++;
		n = (size_t)(q - name);
		if (!tag_allowed(name, n)) {
			fprintf(stderr, "unexpected tag in safe output: %.40s\n", p);
			abort();
		}
		/* attributes up to '>' */
		while (*q && *q != '>') {
			const char *an;
			size_t al;
			char quote;
			const char *val;

			while (*q == ' ' || *q == '/')
				q++;
			if (*q == '>' || !*q)
				break;
			an = q;
			while (*q && *q != '=' && *q != ' ' && *q != '>')
				q++;
			al = (size_t)(q - an);
			FUZZ_CHECK((al == 4 && !strncmp(an, "href", 4)) ||
				   (al == 3 && !strncmp(an, "src", 3)) ||
				   (al == 3 && !strncmp(an, "alt", 3)) ||
				   (al == 5 && !strncmp(an, "title", 5)) ||
				   (al == 2 && !strncmp(an, "id", 2)) ||
				   (al == 5 && !strncmp(an, "class", 5)) ||
				   (al == 5 && !strncmp(an, "align", 5)) ||
				   (al == 5 && !strncmp(an, "start", 5)) ||
				   (al == 4 && !strncmp(an, "lang", 4)));
			if (*q != '=')
				continue;
			q++;
			FUZZ_CHECK(*q == '"');
			quote = *q++;
			val = q;
			while (*q && *q != quote) {
				FUZZ_CHECK(*q != '<' && *q != '>');
				q++;
			}
			FUZZ_CHECK(*q == quote);
			if ((al == 4 && !strncmp(an, "href", 4)) || (al == 3 && !strncmp(an, "src", 3)))
				FUZZ_CHECK(url_is_safe(val, (size_t)(q - val)));
			q++;
		}
	}
}

/* Glossary terms linked in the text (flag 4). */
static const char *const match_ll[] = { "life story", "life-story", "Life Story Work" };
static const char *const match_asf[] = { "ASF", "support fund" };
static const char *const match_a[] = { "a" };
static const struct md_term terms[] = {
	{ match_ll, 3, "/words/#life-story" },
	{ match_asf, 2, "/words/#asf" },
	{ match_a, 1, "/words/#a?x=\"<>&" },
};

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct arena a;
	struct diags d = DIAGS_INIT;
	struct md_links links = { rewrite, &d };
	struct md_options o = { .file = "content/p.md", .first_line = 4 };
	struct md_doc doc;
	unsigned flags;

	if (size < 1)
		return 0;
	flags = data[0];
	o.unsafe = flags & 1;
	o.links = flags & 2 ? &links : NULL;
	if (flags & 4) {
		o.terms = terms;
		o.n_terms = ARRAY_LEN(terms);
	}
	o.print_prefix = flags & 8 ? "s3-" : NULL;
	arena_init(&a);
	cur_arena = &a;
	if (md_render(&a, (const char *)data + 1, size - 1, &o, &doc, &d)) {
		FUZZ_CHECK(doc.html && strlen(doc.html) == doc.html_len);
		FUZZ_CHECK(!o.print_prefix || (doc.print_html && strlen(doc.print_html) == doc.print_len));
		for (size_t i = 0; i < doc.n_toc; i++) {
			FUZZ_CHECK(doc.toc[i].level >= 1 && doc.toc[i].level <= 6);
			FUZZ_CHECK(doc.toc[i].id && *doc.toc[i].id && doc.toc[i].text);
			for (size_t k = 0; k < i; k++)
				FUZZ_CHECK(strcmp(doc.toc[i].id, doc.toc[k].id) != 0);
		}
		if (!o.unsafe)
			check_safe_html(doc.html);
		if (!o.unsafe && doc.print_html)
			check_safe_html(doc.print_html);
	}
	fuzz_drain(&d);
	arena_free(&a);
	return 0;
}
