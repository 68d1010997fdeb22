/*
 * limits.h: every ceiling on something that grows from input, in one
 * place.  Hitting one is a diagnostic with a location, never a crash.
 */
#ifndef SIGNPOST_LIMITS_H
#define SIGNPOST_LIMITS_H

/* Largest source file we read (Markdown, YAML, template). */
#define LIMIT_FILE_SIZE        (8u * 1024u * 1024u)
/* Deepest nesting of YAML collections. */
#define LIMIT_YAML_DEPTH       64
/* Most alias expansions in one YAML document (billion laughs). */
#define LIMIT_YAML_ALIASES     1000
/* Most anchors defined in one YAML document (each is looked for among
 * the others). */
#define LIMIT_YAML_ANCHORS     1000
/* Most nodes one YAML document may expand to. */
#define LIMIT_YAML_NODES       200000
/* Most keys in one YAML mapping (lookups are linear: this keeps a
 * mapping's duplicate-key checks fast). */
#define LIMIT_YAML_KEYS        1000
/* Largest Markdown body of one page; cmark-gfm has inputs that take
 * time quadratic in their size. */
#define LIMIT_MD_SIZE          (512u * 1024u)
/* Most '[' open at once in a Markdown paragraph: images nest, and the
 * text of each link is read in full. */
#define LIMIT_MD_BRACKETS      100
/* Deepest nesting of block quotes and lists written on one line. */
#define LIMIT_MD_NESTING       64
/* Most '|' on one line of a Markdown table: cmark-gfm takes time
 * quadratic in the cells of a row. */
#define LIMIT_MD_TABLE_ROW     128
/* Most cells in the tables of one page: cmark-gfm fills every row up
 * to the header's width, one node per cell. */
#define LIMIT_MD_TABLE_CELLS   100000
/* Most bytes of link destinations and titles that the reference links
 * of one page may expand to: each use copies its definition's. */
#define LIMIT_MD_LINK_BYTES    (16u * 1024u * 1024u)
/* Most bytes cmark-gfm's e-mail autolinker may scan for the '@' of one
 * line: each '@' (up to 1000) scans to the end of its text. */
#define LIMIT_MD_AUTOLINK_SCAN (32u * 1024u * 1024u)
/* Longest delimiter a template may set ({{=<% %>=}}). */
#define LIMIT_TMPL_DELIM       16
/* Deepest nesting of template sections. */
#define LIMIT_TMPL_NESTING     100
/* Deepest chain of partials and parents while rendering. */
#define LIMIT_PARTIAL_DEPTH    32
/* Deepest folder nesting under content/. */
#define LIMIT_DIR_DEPTH        32
/* Most template nodes one render may visit: stops partial loops that
 * write nothing, which the output limit cannot catch. */
#define LIMIT_TMPL_STEPS       (10u * 1000u * 1000u)
/* Most bytes one rendered page may produce. */
#define LIMIT_OUTPUT_SIZE      (64u * 1024u * 1024u)

#endif
