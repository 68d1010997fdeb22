/*
 * a11y.c: accessibility problems a page's Markdown puts
 * into its HTML, reported at the Markdown line: headings that skip a
 * level or repeat the page's h1, images without a useful alt text,
 * links that say nothing, tables without a header row.
 */
#include "check/check.h"

#include <ctype.h>
#include <strings.h>

/* Link text that does not say where the link goes. */
static const char *const vague[] = {
	"click here", "here", "click", "read more", "more", "learn more", "find out more",
	"this link", "link", "this page", "this", "go", "continue", "details",
};

/* Alt text that says nothing about the picture. */
static const char *const vague_alt[] = {
	"image", "picture", "photo", "photograph", "img", "graphic", "icon", "logo",
};

/* Text trimmed of blanks and final punctuation, lower-cased ASCII, in buf. */
static const char *norm(const char *s, char *buf, size_t cap)
{
	size_t n = 0;
	while (*s == ' ' || *s == '\t')
		s++;
	while (*s && n + 1 < cap)
		buf[n++] = (char)tolower((unsigned char)*s++);
	while (n > 0 && strchr(" \t.:!?,;", buf[n - 1]))
		n--;
	buf[n] = '\0';
	return buf;
}

static bool in_list(const char *s, const char *const *list, size_t n)
{
	for (size_t i = 0; i < n; i++)
		if (!strcmp(s, list[i]))
			return true;
	return false;
}

static bool looks_like_file(const char *s)
{
	static const char *const ext[] = { ".png", ".jpg", ".jpeg", ".gif", ".svg", ".webp" };
	size_t n = strlen(s);
	for (size_t i = 0; i < ARRAY_LEN(ext); i++) {
		size_t e = strlen(ext[i]);
		if (n > e && !strcasecmp(s + n - e, ext[i]))
			return true;
	}
	return false;
}

static void check_page(struct check_ctx *ctx, long i)
{
	const struct page *p = ctx->site->pages[i];
	const struct md_doc *doc = &ctx->docs[i];
	const char *file = p->src->path;
	int prev = 1;   /* the layout's h1 */
	char buf[256];

	for (size_t k = 0; k < doc->n_toc; k++) {
		const struct toc_entry *t = &doc->toc[k];
		if (t->level == 1)
			check_report(ctx, RULE_EXTRA_H1, i, file, t->line, 1,
				     "heading '%s' is a second h1 (the page title is the h1); use '##'",
				     t->text);
		else if (t->level > prev + 1)
			check_report(ctx, RULE_HEADING_ORDER, i, file, t->line, 1,
				     "heading '%s' skips from h%d to h%d", t->text, prev, t->level);
		prev = t->level;
	}
	for (size_t k = 0; k < doc->n_links; k++) {
		const struct md_link *l = &doc->links[k];
		const char *text = norm(l->text, buf, sizeof(buf));
		if (l->image) {
			if (!*text)
				check_report(ctx, RULE_IMAGE_ALT, i, file, l->line, l->col,
					     "image '%s' has no alt text; describe it in the [brackets]",
					     l->dest);
			else if (in_list(text, vague_alt, ARRAY_LEN(vague_alt)) || looks_like_file(text))
				check_report(ctx, RULE_IMAGE_ALT, i, file, l->line, l->col,
					     "alt text '%s' does not describe the image", l->text);
		} else if (!*text) {
			check_report(ctx, RULE_EMPTY_LINK, i, file, l->line, l->col,
				     "link to '%s' has no text", l->dest);
		} else if (in_list(text, vague, ARRAY_LEN(vague))) {
			check_report(ctx, RULE_LINK_TEXT, i, file, l->line, l->col,
				     "link text '%s' does not say where it goes", l->text);
		} else if (!strncmp(text, "http://", 7) || !strncmp(text, "https://", 8) ||
			   !strncmp(text, "www.", 4)) {
			check_report(ctx, RULE_LINK_TEXT, i, file, l->line, l->col,
				     "link text is a bare web address; say where it goes instead");
		}
	}
	for (size_t k = 0; k < doc->n_tables; k++)
		if (doc->tables[k].empty_header)
			check_report(ctx, RULE_TABLE_HEADER, i, file, doc->tables[k].line, 1,
				     "table has an empty header row; name each column");
}

void check_markdown(struct check_ctx *ctx)
{
	for (size_t i = 0; i < ctx->site->n_pages; i++)
		check_page(ctx, (long)i);
}
