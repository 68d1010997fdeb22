/*
 * markdown.h: Markdown to HTML through cmark-gfm (tables, autolinks,
 * strikethrough), with our AST passes: link rewriting through a
 * callback, unsafe URL refusal, stable unique heading ids and a table
 * of contents.
 */
#ifndef SIGNPOST_MARKDOWN_H
#define SIGNPOST_MARKDOWN_H

#include "util/arena.h"
#include "util/diag.h"

struct toc_entry {
	int level;           /* 1..6 */
	int line;            /* of the file */
	const char *id;      /* arena */
	const char *text;    /* arena, plain text */
};

/* Where a paragraph of the prose starts in the file. */
struct md_para {
	size_t off;          /* offset in md_doc.prose */
	int line;            /* line of the file */
};

/* Facts the checks read: every link and image as written. */
struct md_link {
	const char *dest;    /* after rewriting (arena) */
	const char *text;    /* the link text or image alt, plain (arena) */
	int line, col;
	bool image;
};

/* A table: its line, and whether its header row says nothing. */
struct md_table {
	int line;
	bool empty_header;
};

/* "<!-- signpost: ignore RULE -->": RULE is not reported on the comment's
 * own line nor the line after it ("all" for every rule). */
struct md_ignore {
	int line;
	const char *rule;    /* arena */
};

struct md_doc {
	const char *html;    /* arena */
	size_t html_len;
	const char *print_html;  /* arena; NULL without opt->print_prefix */
	size_t print_len;
	struct toc_entry *toc;
	size_t n_toc;
	/* The prose (paragraphs and list items; not headings, code or
	 * tables) as plain text, one paragraph per line, for readability. */
	const char *prose;   /* arena */
	size_t prose_len;
	struct md_para *paras;  /* arena */
	size_t n_paras;
	/* The words of every table cell, a row a line (arena), for search. */
	const char *table_text;
	struct md_link *links;  /* arena, in document order */
	size_t n_links;
	struct md_table *tables;
	size_t n_tables;
	struct md_ignore *ignores;
	size_t n_ignores;
};

struct md_links {
	/*
	 * Called for every link and image destination that is relative (no
	 * scheme, not starting with '#' or '//').  Returns the destination
	 * to write instead (arena), or NULL to keep it; reports its own
	 * diagnostics at line:col of the file.
	 */
	const char *(*rewrite)(void *ctx, const char *dest, int line, int col);
	void *ctx;
};

/* A glossary term to explain on its first use in a page: its first
 * whole-word, case-insensitive match in ordinary text (not in headings,
 * links or code) becomes a link to url. */
struct md_term {
	const char *const *match;  /* the words to look for */
	size_t n_match;
	const char *url;
};

struct md_options {
	const char *file;     /* for diagnostics */
	int first_line;       /* line of the file where the body starts */
	int col_offset;       /* columns before the body's lines in the file (Markdown
				 kept in an indented YAML value); added to every column */
	bool unsafe;          /* raw HTML and any URL scheme allowed */
	const struct md_links *links;  /* may be NULL */
	/* when set, out->print_html is the body again as one section of a
	 * page of many: this before every heading id and '#' link, and no
	 * glossary links */
	const char *print_prefix;
	const struct md_term *terms;   /* may be NULL */
	size_t n_terms;
};

/* Registers cmark-gfm's extensions.  md_render() calls it too; call it
 * first from the main thread before rendering on several threads. */
void md_init(void);

/* Arena: renders body[0..len) into out.  Problems become diagnostics;
 * returns false only when nothing could be rendered. */
bool md_render(struct arena *a, const char *body, size_t len,
	       const struct md_options *opt, struct md_doc *out, struct diags *d);

/* Arena a: a copy of doc without its HTML (unless with_html), for
 * keeping what the checks and the search index need of a page after
 * it was rendered in a scratch arena. */
void md_doc_keep(struct arena *a, const struct md_doc *doc, bool with_html, struct md_doc *out);

#endif
