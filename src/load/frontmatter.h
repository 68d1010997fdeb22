/*
 * frontmatter.h: splitting a Markdown source into its YAML front matter
 * and its body, keeping the line numbers of both.
 */
#ifndef SIGNPOST_FRONTMATTER_H
#define SIGNPOST_FRONTMATTER_H

#include "util/common.h"

enum fm_status {
	FM_OK,        /* front matter found and closed */
	FM_NONE,      /* the file does not start with a '---' line */
	FM_UNCLOSED,  /* '---' opens it but no '---' or '...' line closes it */
};

struct fm_split {
	size_t yaml_off, yaml_len;  /* the YAML between the fences */
	int yaml_line;              /* 1-based line where the YAML starts */
	size_t body_off, body_len;  /* everything after the closing fence */
	int body_line;              /* 1-based line where the body starts */
};

/* Splits src[0..len).  A UTF-8 byte-order mark and CRLF line ends are
 * accepted.  On FM_NONE the body is the whole file (after any BOM). */
enum fm_status fm_split(const char *src, size_t len, struct fm_split *out);

#endif
