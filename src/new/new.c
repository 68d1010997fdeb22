/*
 * new.c: writing a new site or file from the texts in templates.c.
 * Files are created with O_EXCL, so nothing is ever overwritten, even
 * by a race with another program; a new site goes only into a missing
 * or empty folder, so it never mixes with files already there.
 */
#include "new/new.h"
#include "new/templates.h"
#include "load/taxonomy.h"
#include "render/theme.h"
#include "util/buf.h"
#include "util/fs.h"

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <time.h>
#include <unistd.h>

bool new_name_ok(const char *s)
{
	size_t n = strlen(s);

	if (n == 0 || n > 80 || s[0] == '-' || s[n - 1] == '-')
		return false;
	for (size_t i = 0; i < n; i++) {
		char c = s[i];
		if (c == '-' && s[i + 1] == '-')
			return false;
		if (!((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-'))
			return false;
	}
	return true;
}

char *new_title_from_name(const char *name)
{
	char *t = xstrdup(name);

	for (char *p = t; *p; p++)
		if (*p == '-')
			*p = ' ';
	if (t[0] >= 'a' && t[0] <= 'z')
		t[0] = (char)(t[0] - 'a' + 'A');
	return t;
}

char *new_expand(const char *tmpl, const char *const *keys, const char *const *vals, size_t n)
{
	struct buf b = BUF_INIT;

	for (const char *p = tmpl; *p;) {
		bool done = false;
		if (*p == '{') {
			for (size_t i = 0; i < n; i++) {
				size_t k = strlen(keys[i]);
				if (!strncmp(p + 1, keys[i], k) && p[1 + k] == '}') {
					buf_adds(&b, vals[i]);
					p += k + 2;
					done = true;
					break;
				}
			}
		}
		if (!done)
			buf_addc(&b, *p++);
	}
	return buf_detach(&b, NULL);
}

/* The days new writes, as YYYY-MM-DD: today (UTC, or the day of
 * $SOURCE_DATE_EPOCH, for tests), the same day a year on (for
 * review_by), and four weeks on (for a new event). */
struct new_dates {
	char today[32], next_year[32], event[32];
};

static void ymd(char out[32], const struct tm *tm, int add_years)
{
	int d = tm->tm_mday;
	if (add_years && tm->tm_mon == 1 && d == 29)
		d = 28;
	snprintf(out, 32, "%04d-%02d-%02d", tm->tm_year + 1900 + add_years, tm->tm_mon + 1, d);
}

static void dates(struct new_dates *nd)
{
	const char *env = getenv("SOURCE_DATE_EPOCH");
	time_t t = time(NULL), later;
	struct tm tm;

	if (env && *env) {
		char *end;
		long long v = strtoll(env, &end, 10);
		if (!*end && v >= 0)
			t = (time_t)v;
	}
	gmtime_r(&t, &tm);
	ymd(nd->today, &tm, 0);
	ymd(nd->next_year, &tm, 1);
	later = t + 28 * 24 * 3600;
	gmtime_r(&later, &tm);
	ymd(nd->event, &tm, 0);
}

/* Creates path (and its folders) holding text; never replaces a file.
 * shown names it in messages.  0, or -1 after a message. */
static int write_new(const char *path, const char *shown, const char *text)
{
	struct arena a;
	const char *slash = strrchr(path, '/');
	size_t len = strlen(text), done = 0;
	int fd, rc = 0;

	arena_init(&a);
	if (slash && slash != path && fs_mkdirs(arena_strndup(&a, path, (size_t)(slash - path))) < 0) {
		fprintf(stderr, "signpost new: cannot create the folder for '%s': %s\n", shown,
			strerror(errno));
		arena_free(&a);
		return -1;
	}
	arena_free(&a);
	fd = open(path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0644);
	if (fd < 0) {
		if (errno == EEXIST)
			fprintf(stderr, "signpost new: '%s' already exists; not overwriting it\n", shown);
		else
			fprintf(stderr, "signpost new: cannot create '%s': %s\n", shown, strerror(errno));
		return -1;
	}
	while (done < len) {
		ssize_t n = write(fd, text + done, len - done);
		if (n < 0 && errno == EINTR)
			continue;
		if (n <= 0) {
			fprintf(stderr, "signpost new: cannot write '%s': %s\n", shown, strerror(errno));
			rc = -1;
			break;
		}
		done += (size_t)n;
	}
	if (close(fd) < 0 && rc == 0) {
		fprintf(stderr, "signpost new: cannot write '%s': %s\n", shown, strerror(errno));
		rc = -1;
	}
	if (rc < 0)
		unlink(path);
	return rc;
}

/* 1 when dir is missing or an empty folder, 0 when it holds anything,
 * -1 when it is not a folder or cannot be read (errno). */
static int empty_or_missing(const char *dir)
{
	DIR *d;
	struct dirent *e;
	int empty = 1;

	switch (fs_kind(dir)) {
	case FS_MISSING:
		return 1;
	case FS_DIR:
		break;
	default:
		errno = ENOTDIR;
		return -1;
	}
	d = opendir(dir);
	if (!d)
		return -1;
	while ((e = readdir(d)))
		if (strcmp(e->d_name, ".") && strcmp(e->d_name, "..")) {
			empty = 0;
			break;
		}
	closedir(d);
	return empty;
}

/* True when the build will find theme name for the site in site_dir
 * (its themes/, $SIGNPOST_THEME_PATH or the installed themes). */
static bool theme_findable(const char *site_dir, const char *name)
{
	struct arena a;
	struct diags quiet = DIAGS_INIT;
	bool found;

	arena_init(&a);
	found = theme_open(&a, site_dir, name, &quiet) != NULL;
	diags_free(&quiet);
	arena_free(&a);
	return found;
}

int new_site(const char *dir)
{
	struct new_dates nd;
	const char *keys[] = { "SITE_TITLE", "TODAY", "REVIEW_BY", "EVENT_DATE" };
	const char *vals[] = { "Your Adoption Service", nd.today, nd.next_year, nd.event };
	int empty = empty_or_missing(dir);

	if (empty < 0) {
		fprintf(stderr, "signpost new: cannot use '%s' for a new site: %s\n", dir, strerror(errno));
		return 1;
	}
	if (!empty) {
		fprintf(stderr, "signpost new: '%s' is not empty; a new site goes in a new or empty folder\n", dir);
		return 1;
	}
	dates(&nd);
	for (size_t i = 0; i < new_site_n_files; i++) {
		struct buf path = BUF_INIT;
		char *text = new_expand(new_site_files[i].text, keys, vals, ARRAY_LEN(keys));
		int rc;

		buf_printf(&path, "%s/%s", dir, new_site_files[i].path);
		rc = write_new(buf_cstr(&path), buf_cstr(&path), text);
		buf_free(&path);
		free(text);
		if (rc < 0)
			return 1;
	}
	printf("signpost: created a site in %s (%zu files)\n", dir, new_site_n_files);
	printf("next:     cd %s && signpost serve\n", dir);
	if (!theme_findable(dir, "default"))
		fprintf(stderr, "signpost new: note: the default theme is not installed; run 'make install' in signpost's "
			"source folder, or set SIGNPOST_THEME_PATH to a folder that holds it, or copy it into %s/themes/\n",
			dir);
	return 0;
}

/* 0 when site_dir holds a site, else 1 after a message. */
static int need_site(const char *site_dir)
{
	struct buf b = BUF_INIT;
	bool ok;

	buf_printf(&b, "%s/config.yaml", site_dir);
	ok = fs_kind(buf_cstr(&b)) == FS_FILE;
	buf_free(&b);
	if (!ok)
		fprintf(stderr, "signpost new: no config.yaml in '%s'; run it in a site folder or give -s DIR\n",
			site_dir);
	return ok ? 0 : 1;
}

int new_page(const char *site_dir, const char *spec)
{
	struct new_dates nd;
	struct buf rel = BUF_INIT, up = BUF_INIT, path = BUF_INIT, guide_dir = BUF_INIT;
	char *copy = xstrdup(spec), *name, *seg, *save = NULL, *title = NULL, *text = NULL;
	const char *last = NULL, *prev = NULL, *guide;
	size_t n = strlen(copy);
	int status = 1, depth = 0;

	if (need_site(site_dir))
		goto out;
	if (n > 3 && !strcmp(copy + n - 3, ".md"))
		copy[n - 3] = '\0';
	name = strchr(copy, '/');
	if (!name || !name[1]) {
		fprintf(stderr, "signpost new: '%s' should be GUIDE/NAME, such as adopters/school-transport\n", spec);
		goto out;
	}
	*name++ = '\0';
	guide = copy;
	buf_printf(&guide_dir, "%s/content/%s", site_dir, guide);
	if (!new_name_ok(guide) || fs_kind(buf_cstr(&guide_dir)) != FS_DIR) {
		fprintf(stderr, "signpost new: no folder 'content/%s' in '%s'; a page goes in a guide's folder, such as adopters/NAME\n",
			guide, site_dir);
		goto out;
	}
	buf_printf(&rel, "content/%s", guide);
	for (seg = strtok_r(name, "/", &save); seg; seg = strtok_r(NULL, "/", &save)) {
		if (last)
			depth++;
		if (!new_name_ok(seg) && strcmp(seg, "_index")) {
			fprintf(stderr, "signpost new: '%s' in '%s' should be lower-case letters, digits and single hyphens, "
				"such as school-transport\n", seg, spec);
			goto out;
		}
		buf_printf(&rel, "/%s", seg);
		prev = last;
		last = seg;
	}
	if (!last) {
		fprintf(stderr, "signpost new: '%s' should be GUIDE/NAME, such as adopters/school-transport\n", spec);
		goto out;
	}
	buf_adds(&rel, ".md");
	/* a section's landing page is named after its folder */
	title = new_title_from_name(strcmp(last, "_index") ? last : prev ? prev : guide);
	for (int i = 0; i < depth; i++)
		buf_adds(&up, "../");
	dates(&nd);
	{
		const char *keys[] = { "TITLE", "NAME", "UP", "TODAY", "REVIEW_BY" };
		const char *vals[] = { title, last, buf_cstr(&up), nd.today, nd.next_year };
		text = new_expand(new_page_text, keys, vals, ARRAY_LEN(keys));
	}
	buf_printf(&path, "%s/%s", site_dir, buf_cstr(&rel));
	if (write_new(buf_cstr(&path), buf_cstr(&rel), text) == 0) {
		printf("signpost: created %s (a draft: set 'draft: false' to publish it)\n", buf_cstr(&rel));
		status = 0;
	}
out:
	free(copy);
	free(title);
	free(text);
	buf_free(&rel);
	buf_free(&up);
	buf_free(&path);
	buf_free(&guide_dir);
	return status;
}

/* Arena: the name without ".yaml" of the first record file (sorted) in
 * site_dir/rel, or NULL when there is none. */
static const char *first_record(struct arena *a, const char *site_dir, const char *rel)
{
	struct fs_entry *e;
	long n = fs_list(a, path_join(a, site_dir, rel), &e);

	for (long i = 0; i < n; i++) {
		size_t len = strlen(e[i].name);
		if (e[i].kind == FS_FILE && len > 5 && !strcmp(e[i].name + len - 5, ".yaml") &&
		    strcmp(e[i].name, "taxonomy.yaml"))
			return arena_strndup(a, e[i].name, len - 5);
	}
	return NULL;
}

/* The first term of each vocabulary of the site's taxonomy, or a
 * placeholder (and a note) when it has none. */
struct first_terms {
	const char *v[VOCAB_COUNT];
	bool missing;
};

static void first_terms(struct arena *a, const char *site_dir, struct first_terms *ft)
{
	static const char *const fallback[VOCAB_COUNT] = {
		[VOCAB_AUDIENCES] = "adopters", [VOCAB_CATEGORIES] = "advice",
		[VOCAB_TIERS] = "universal", [VOCAB_FUNDING] = "free",
		[VOCAB_DELIVERY] = "phone", [VOCAB_AREAS] = "your-area",
		[VOCAB_ORG_KINDS] = "charity", [VOCAB_EVIDENCE] = "family-feedback",
		[VOCAB_AGE_BANDS] = "under-5",
	};
	struct diags quiet = DIAGS_INIT;
	struct taxonomy t;
	size_t len;
	char *src = fs_read(path_join(a, site_dir, "content/directory/taxonomy.yaml"),
			    "content/directory/taxonomy.yaml", &len, &quiet);

	memset(&t, 0, sizeof(t));
	if (src)
		taxonomy_parse(a, "content/directory/taxonomy.yaml", src, len, &t, &quiet);
	ft->missing = false;
	for (int i = 0; i < VOCAB_COUNT; i++) {
		ft->v[i] = t.v[i].n ? t.v[i].terms[0].id : fallback[i];
		if (!t.v[i].n && i != VOCAB_AGE_BANDS)
			ft->missing = true;
	}
	free(src);
	diags_free(&quiet);
}

/* Writes one record file from tmpl; 0 or 1 after a message. */
static int new_record(const char *site_dir, const char *what, const char *folder,
		      const char *id, const char *tmpl)
{
	struct arena a;
	struct new_dates nd;
	struct first_terms ft;
	const char *org, *service, *rel, *path;
	char *title, *text;
	int status = 1;

	if (need_site(site_dir))
		return 1;
	if (!new_name_ok(id)) {
		fprintf(stderr, "signpost new: %s id '%s' should be lower-case letters, digits and single hyphens, "
			"such as family-support-group\n", what, id);
		return 1;
	}
	arena_init(&a);
	dates(&nd);
	first_terms(&a, site_dir, &ft);
	org = first_record(&a, site_dir, "content/directory/organisations");
	service = first_record(&a, site_dir, "content/directory/services");
	title = new_title_from_name(id);
	{
		const char *keys[] = {
			"ID", "TITLE", "ORG", "SERVICE", "AUDIENCE", "CATEGORY", "TIER", "FUNDING",
			"DELIVERY", "AREA", "EVIDENCE", "TODAY", "REVIEW_BY", "EVENT_DATE",
		};
		const char *vals[] = {
			id, title, org ? org : "your-organisation", service ? service : "your-service",
			ft.v[VOCAB_AUDIENCES], ft.v[VOCAB_CATEGORIES], ft.v[VOCAB_TIERS],
			ft.v[VOCAB_FUNDING], ft.v[VOCAB_DELIVERY], ft.v[VOCAB_AREAS],
			ft.v[VOCAB_EVIDENCE], nd.today, nd.next_year, nd.event,
		};
		text = new_expand(tmpl, keys, vals, ARRAY_LEN(keys));
	}
	rel = arena_printf(&a, "%s/%s.yaml", folder, id);
	path = path_join(&a, site_dir, rel);
	if (write_new(path, rel, text) == 0) {
		printf("signpost: created %s\n", rel);
		if (ft.missing)
			fprintf(stderr, "signpost new: note: content/directory/taxonomy.yaml is missing or has empty "
				"vocabularies; replace the placeholder terms in %s with ids from it\n", rel);
		if (!org && !strcmp(what, "service"))
			fprintf(stderr, "signpost new: note: the site has no organisation yet; add one in "
				"content/directory/organisations/ and name it in %s\n", rel);
		status = 0;
	}
	free(title);
	free(text);
	arena_free(&a);
	return status;
}

int new_service(const char *site_dir, const char *id)
{
	return new_record(site_dir, "service", "content/directory/services", id, new_service_text);
}

int new_event(const char *site_dir, const char *id)
{
	return new_record(site_dir, "event", "content/events", id, new_event_text);
}
