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
/* Most nodes one YAML document may expand to. */
#define LIMIT_YAML_NODES       200000
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
