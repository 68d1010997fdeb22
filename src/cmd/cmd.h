/*
 * cmd.h: one function per subcommand.  Each takes the arguments after
 * the command name (argv[0] is the command name) and returns the exit
 * status: 0 success, 1 the input has errors, 2 wrong usage.
 */
#ifndef SIGNPOST_CMD_H
#define SIGNPOST_CMD_H

int cmd_build(int argc, char **argv);
int cmd_check(int argc, char **argv);
int cmd_render(int argc, char **argv);
int cmd_new(int argc, char **argv);
int cmd_serve(int argc, char **argv);

#endif
