/*
 * directory.h: the directory of support services as loaded from
 * content/directory/: the taxonomy, one organisation per file in
 * organisations/, one service per file in services/ (sub-folders
 * allowed).  A record's id is its file name without .yaml.
 *
 * Loading checks every record: required fields, unknown keys (with a
 * did-you-mean), vocabulary terms, organisation references, duplicate
 * ids, ages, dates, emails, UK phone numbers, URLs, postcodes, costs and
 * evidence, each at the line and column of the value.  A review_by date
 * before the build date is a warning.  Everything lives in the build's
 * arena.
 */
#ifndef SIGNPOST_DIRECTORY_H
#define SIGNPOST_DIRECTORY_H

#include "load/taxonomy.h"

/* A set of terms of one vocabulary, in the order the record lists them. */
struct term_list {
	const struct vocab_term **v;
	size_t n;
};

struct contact {
	const char *role;          /* required: "Duty team", never a person */
	const char *phone, *text;  /* UK numbers as written, or NULL */
	const char *email, *url;   /* or NULL */
	const char *hours;         /* or NULL */
};

struct cost {
	const char *amount;        /* as written: "1995", "12.50"; NULL: no amount */
	double value;              /* amount in pounds */
	const char *unit;          /* "per family"; required with an amount */
	const char *covers;        /* what the amount pays for, or NULL */
};

struct venue {
	const char *name;
	const char *address;       /* street lines */
	const char *town;
	const char *county;        /* or NULL */
	const char *postcode;      /* upper case, as written */
};

enum service_status { STATUS_ESTABLISHED, STATUS_PILOT, STATUS_PAUSED, STATUS_CLOSED };

struct registration {
	const char *scheme;        /* "charity", "company", "ofsted", ... */
	const char *number;
};

struct organisation {
	const char *id, *file;
	const char *name;
	const struct vocab_term *kind;   /* may be NULL after an error */
	const char *description;   /* Markdown */
	int description_line;
	int description_indent;
	const char *website;       /* or NULL */
	struct contact *contacts;
	size_t n_contacts;
	struct registration *registrations;
	size_t n_registrations;
	struct term_list areas;
	bool national;
	size_t index;              /* position in directory->orgs */
};

struct service {
	const char *id, *file;
	const char *name;
	const char *org_id;        /* as written */
	int org_line, org_col;     /* where it is written */
	const struct organisation *org; /* NULL when dangling */
	const char *summary;       /* one plain sentence */
	const char *description;   /* Markdown, or NULL */
	int description_line;      /* line of the file where it starts */
	int description_indent;    /* columns before its text on its lines */
	struct term_list audiences, categories, tiers, funding, delivery, areas;
	long min_age, max_age;     /* -1 when not given */
	const char *eligibility;
	bool self_referral;
	const char *referral;      /* how to get a referral, or NULL */
	const char *response_time;
	struct cost *costs;
	size_t n_costs;
	const char *format;        /* "group", "individual", "both", or NULL */
	const char *duration, *frequency;
	bool national;
	struct venue *venues;
	size_t n_venues;
	const char *hours;
	struct contact *contacts;
	size_t n_contacts;
	const struct value *languages; /* list of strings, or NULL */
	const struct vocab_term *evidence;   /* or NULL */
	const char *evidence_source, *evidence_url;
	enum service_status status;
	const char *last_reviewed;     /* YYYY-MM-DD */
	const char *review_by;         /* YYYY-MM-DD or NULL */
	size_t index;              /* position in directory->services */
};

struct directory {
	bool present;              /* the site has content/directory/ */
	struct taxonomy tax;
	struct organisation **orgs;    /* sorted by id */
	size_t n_orgs;
	struct service **services;     /* sorted by id */
	size_t n_services;
};

/*
 * Arena: loads site_dir/content/directory/ into dir.  today is the
 * build date (YYYY-MM-DD) for review_by warnings.  A site without the
 * folder has an empty directory (dir->present is false).
 */
void directory_load(struct arena *a, const char *site_dir, const char *today,
		    struct directory *dir, struct diags *d);

/*
 * Arena: parse one record from memory (for tests and fuzzing); path is
 * the file as shown in diagnostics, id its name.  The organisation of a
 * service is only checked by directory_link_records().
 */
struct organisation *directory_parse_organisation(struct arena *a, const struct taxonomy *t,
						  const char *path, const char *id,
						  const char *src, size_t len, struct diags *d);
struct service *directory_parse_service(struct arena *a, const struct taxonomy *t,
					const char *path, const char *id, const char *src,
					size_t len, const char *today, struct diags *d);

/* Sorts the records, reports duplicate ids and resolves each service's
 * organisation (a dangling one is an error at the 'organisation' value). */
void directory_link_records(struct directory *dir, struct diags *d);

/* Borrowed: the organisation with this id, or NULL (after link). */
const struct organisation *directory_org(const struct directory *dir, const char *id);

/* Checks used by the loader, exposed for tests: a UK phone number as
 * people write it; an absolute http(s) URL; a UK postcode.  (Email
 * addresses: text_is_email() in util/text.h.) */
bool directory_phone_ok(const char *s);
bool directory_url_ok(const char *s);
bool directory_postcode_ok(const char *s);

#endif
