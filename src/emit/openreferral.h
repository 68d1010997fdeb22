/*
 * openreferral.h: the directory as Open Referral UK 3.0 JSON (the UK
 * profile of HSDS 3.0) under openreferral/:
 *
 *   index.json                  what the other files are, and counts
 *   services.json               the service list as one page object
 *                               (total_items, page_number, contents, ...)
 *   services/UUID.json          one service, fully nested
 *   organizations.json          the organisation list as one page
 *   organizations/UUID.json     one organisation with its services
 *
 * Every id is a version 5 UUID (URL namespace) of a permalink: the
 * record's page, or the page plus a fragment for the parts of a record
 * (contacts, areas, costs, ...), so ids are stable between builds.
 */
#ifndef SIGNPOST_OPENREFERRAL_H
#define SIGNPOST_OPENREFERRAL_H

#include "render/render.h"

/* Adds the open data files to the outputs, written on rc->jobs threads
 * and listed in a fixed order; nothing when the site has no directory. */
void openreferral_emit(struct render_ctx *rc);

#endif
