/*
 * records.c: new directory services and events (to come with the
 * directory and events formats).
 */
#include "new/new.h"

int new_service(const char *site_dir, const char *id)
{
	(void)site_dir;
	fprintf(stderr, "signpost new: cannot create service '%s' yet\n", id);
	return 1;
}

int new_event(const char *site_dir, const char *id)
{
	(void)site_dir;
	fprintf(stderr, "signpost new: cannot create event '%s' yet\n", id);
	return 1;
}
