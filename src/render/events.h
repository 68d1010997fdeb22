/*
 * events.h: the events pages and calendars, from the loaded events.
 *
 * Pages (templates in layouts/events/):
 *   /events/                   upcoming events, soonest first   (events/list)
 *   /events/past/              events with no date to come      (events/past)
 *   /events/ID/                one event                        (events/event)
 *   /events/audience/ID/       what's on for one audience       (events/list)
 *   /events/area/ID/           what's on in one area            (events/list)
 * Calendars (iCalendar):
 *   /events.ics                every event
 *   /events/ID/ID.ics          one event
 *   /events/audience/ID/events.ics   one audience (each guide is one)
 */
#ifndef SIGNPOST_RENDER_EVENTS_H
#define SIGNPOST_RENDER_EVENTS_H

#include "load/events.h"
#include "render/render.h"

/* Renders every events page and calendar; nothing when ev has no
 * events and the site has no content/events folder. */
void render_events(struct render_ctx *rc, const struct events *ev);

/* Arena: "what's on" for guide gi: a map with title, url, ics_url,
 * events (the next few for the guide's audience) and has_events; NULL
 * when the site has no events. */
struct value *events_whats_on(struct arena *a, const struct site *site, size_t gi);

/* Arena: the events of the directory service with this id that have a
 * date to come, soonest first, each as in an events list (see
 * signpost-templates(7)); an empty list when there are none.  For the
 * service's page. */
struct value *events_of_service(struct arena *a, const struct site *site, const char *service);

#endif
