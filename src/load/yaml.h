/*
 * yaml.h: YAML (through libyaml) into the shared value model, with
 * positions kept and limits enforced.
 *
 * Scalars resolve as in YAML 1.2's core schema, but numbers stay
 * strings exactly as written: plain true, True, TRUE, false, False and FALSE are booleans,
 * plain null, ~ and empty are null, everything else is a string.  Quoted
 * scalars are always strings.  Duplicate keys, non-scalar keys, tabs
 * where YAML forbids them, too deep nesting and too many alias
 * expansions are diagnostics.
 */
#ifndef SIGNPOST_YAML_H
#define SIGNPOST_YAML_H

#include "util/diag.h"
#include "util/value.h"

/*
 * Arena: parses the first document of src[0..len).  Positions in
 * diagnostics and values are shifted by line_offset lines (front matter
 * starts on line 2 of its file, so it passes 1).  An empty document is
 * VAL_NULL.  Returns NULL when the YAML is malformed, after adding a
 * diagnostic for file.
 */
struct value *yaml_parse(struct arena *a, const char *file, const char *src,
			 size_t len, int line_offset, struct diags *d);

/*
 * Where the text of the string value v, parsed from src[0..len), starts
 * in the file: *line is its first line (the one after a '|' or '>'
 * indicator for a block scalar) and *indent the columns before its text
 * there (the block's indentation; for a value on its key's line, the
 * columns before it and its opening quote).  For Markdown kept in YAML,
 * so that its diagnostics give the file's own line and column.
 */
void yaml_text_origin(const char *src, size_t len, const struct value *v, int *line,
		      int *indent);

#endif
