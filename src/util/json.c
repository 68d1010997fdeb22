/*
 * json.c: the JSON writer.  Depth is bounded by the program's own
 * callers, not by input, so going too deep is a BUG().
 */
#include "util/json.h"
#include "util/escape.h"

void json_init(struct json *j, struct buf *b, bool pretty)
{
	memset(j, 0, sizeof(*j));
	j->b = b;
	j->pretty = pretty;
	j->first[0] = true;
}

static void indent(struct json *j)
{
	if (!j->pretty)
		return;
	buf_addc(j->b, '\n');
	for (int i = 0; i < j->depth; i++)
		buf_adds(j->b, "  ");
}

static void member(struct json *j, const char *key)
{
	if (!j->first[j->depth])
		buf_addc(j->b, ',');
	j->first[j->depth] = false;
	if (j->depth > 0)
		indent(j);
	if (key) {
		buf_addc(j->b, '"');
		escape_json(j->b, key, strlen(key));
		buf_adds(j->b, j->pretty ? "\": " : "\":");
	}
}

void json_open(struct json *j, const char *key, char bracket)
{
	if (j->depth + 1 >= JSON_MAX_DEPTH)
		BUG("JSON nested deeper than %d", JSON_MAX_DEPTH);
	member(j, key);
	buf_addc(j->b, bracket);
	j->depth++;
	j->first[j->depth] = true;
	j->closing[j->depth] = bracket == '{' ? '}' : ']';
}

void json_close(struct json *j)
{
	bool empty = j->first[j->depth];
	char c = j->closing[j->depth];

	if (j->depth == 0)
		BUG("JSON closed more than opened");
	j->depth--;
	if (!empty)
		indent(j);
	buf_addc(j->b, c);
}

void json_str(struct json *j, const char *key, const char *s)
{
	member(j, key);
	buf_addc(j->b, '"');
	escape_json(j->b, s, strlen(s));
	buf_addc(j->b, '"');
}

void json_num(struct json *j, const char *key, const char *text)
{
	member(j, key);
	buf_adds(j->b, text);
}

void json_int(struct json *j, const char *key, long n)
{
	member(j, key);
	buf_printf(j->b, "%ld", n);
}

void json_bool(struct json *j, const char *key, bool v)
{
	member(j, key);
	buf_adds(j->b, v ? "true" : "false");
}

void json_end(struct json *j)
{
	if (j->depth != 0)
		BUG("JSON ended with %d open", j->depth);
	if (j->pretty)
		buf_addc(j->b, '\n');
}
