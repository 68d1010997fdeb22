/*
 * args.h: what the commands share to read their options: "--opt VALUE"
 * and "--opt=VALUE", and the usage error every command prints.
 */
#ifndef SIGNPOST_ARGS_H
#define SIGNPOST_ARGS_H

#include "util/common.h"

/* True when arg is the option name, alone or as "name=VALUE". */
bool args_is(const char *arg, const char *name);

/* Borrowed (from argv): the value of option name at argv[*i], given as
 * "name=VALUE" or as the next argument (then *i moves past it); NULL
 * when there is none. */
const char *args_value(int argc, char **argv, int *i, const char *name);

/* Prints "signpost CMD: MESSAGE" and where to find help; returns 2, the
 * exit status of wrong usage. */
int args_usage_error(const char *cmd, const char *fmt, ...)
	__attribute__((format(printf, 2, 3)));

#endif
