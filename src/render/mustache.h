/*
 * mustache.h: the Mustache template engine (specification v1.3):
 * variables, sections, inverted sections, comments, set delimiters,
 * partials and template inheritance (parents and blocks), with the
 * spec's rules for standalone lines and indentation.  Lambdas do not
 * apply: data comes from YAML.
 *
 * A template is parsed once into an arena and rendered any number of
 * times, from any number of threads (rendering never changes it).
 */
#ifndef SIGNPOST_MUSTACHE_H
#define SIGNPOST_MUSTACHE_H

#include "util/buf.h"
#include "util/diag.h"
#include "util/value.h"

struct tmpl;   /* opaque: a parsed template, arena-allocated */

struct tmpl_loader {
	/* Returns the parsed template called name (for {{>name}} and
	 * {{<name}}), or NULL when there is none (a missing partial renders
	 * as empty, per spec).  May add diagnostics (e.g. a syntax error in
	 * the partial).  The template must stay valid until rendering ends. */
	const struct tmpl *(*load)(void *ctx, const char *name, struct diags *d);
	void *ctx;
};

/*
 * Arena: parses src[0..len); file names the template in diagnostics
 * ("themes/default/layouts/page.mustache:30:14: error: unclosed section
 * 'nav'") and is copied.  Returns NULL after adding diagnostics when the
 * template is malformed: every error found, each at the 1-based line and
 * column (in bytes) of the offending tag.  Sections nested deeper than
 * LIMIT_TMPL_NESTING stop the parse with one diagnostic.  Partial and
 * parent names must not climb out of the template folders ('..'
 * segments, a leading '/', backslashes are errors).
 */
struct tmpl *tmpl_parse(struct arena *a, const char *file, const char *src,
			size_t len, struct diags *d);

/* Borrowed (arena): the file name given to tmpl_parse(). */
const char *tmpl_file(const struct tmpl *t);

/*
 * Renders t against the context stack whose bottom is root (may be
 * NULL: an empty context), appending to out.  loader may be NULL (then
 * every partial is missing).  Returns false (with a diagnostic at the
 * tag that hit a limit) on a runaway: partials, parents and block
 * overrides nested deeper than LIMIT_PARTIAL_DEPTH, more than
 * LIMIT_OUTPUT_SIZE bytes of output, or more than LIMIT_TMPL_STEPS
 * (mustache.c) nodes visited, which catches partial loops that write
 * nothing.  On false, out holds a partial result.
 *
 * Values: strings (numbers stay as written) and booleans ("true",
 * "false") interpolate; null, lists and maps interpolate as nothing.
 * Sections iterate lists and push maps and other truthy values
 * (value_truthy()).  Overrides given to a parent reach every template it
 * includes; the outermost override of a block wins.
 */
bool tmpl_render(const struct tmpl *t, const struct value *root,
		 const struct tmpl_loader *loader, struct buf *out, struct diags *d);

#endif
