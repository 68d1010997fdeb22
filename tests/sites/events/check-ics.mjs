// check-ics.mjs OUT [EXPECT.json]: reads every iCalendar file of a built
// site with ical.js (an independent parser) and prints one "ok - ..." or
// "not ok - ..." line per check, for tests/events.
//
// For each .ics: CRLF line ends, no line over 75 octets, no fold inside a
// UTF-8 sequence, a VTIMEZONE for Europe/London, unique UIDs.  For
// events.ics: every occurrence (RRULE and EXDATE expanded by ical.js) at
// the same wall-clock time in Europe/London by the tz database (Intl) as
// its DTSTART says, and the same set of occurrences as the event's page
// lists in <time datetime>.  With EXPECT.json ({id: [occurrences]}),
// each event's occurrences must be exactly those, written as UTC
// instants ("2027-04-01T17:30:00.000Z"), days ("2027-01-09") or months
// to be confirmed ("2027-06").
import ICAL from 'ical.js';
import fs from 'node:fs';
import path from 'node:path';

const [out, expectFile] = process.argv.slice(2);
let failed = 0;
function ok(name) { console.log(`ok - ${name}`); }
function notOk(name, detail) {
	failed++;
	console.log(`not ok - ${name}`);
	if (detail) console.log(String(detail).split('\n').map((l) => `    ${l}`).join('\n'));
}
function check(cond, name, detail) { cond ? ok(name) : notOk(name, detail); }

function walk(dir) {
	return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
		const p = path.join(dir, e.name);
		return e.isDirectory() ? walk(p) : [p];
	});
}

const london = new Intl.DateTimeFormat('en-GB', {
	timeZone: 'Europe/London', year: 'numeric', month: '2-digit', day: '2-digit',
	hour: '2-digit', minute: '2-digit', hourCycle: 'h23',
});
function localOf(date) {
	const p = Object.fromEntries(london.formatToParts(date).map((x) => [x.type, x.value]));
	return `${p.year}-${p.month}-${p.day} ${p.hour}:${p.minute}`;
}
const pad = (n) => String(n).padStart(2, '0');
const wall = (t) => `${t.year}-${pad(t.month)}-${pad(t.day)} ${pad(t.hour)}:${pad(t.minute)}`;
const day = (t) => `${t.year}-${pad(t.month)}-${pad(t.day)}`;

function checkBytes(file, rel) {
	const buf = fs.readFileSync(file);
	const problems = [];
	if (buf.length < 2 || buf[buf.length - 2] !== 13 || buf[buf.length - 1] !== 10)
		problems.push('does not end in CRLF');
	let start = 0, line = 1;
	const dec = new TextDecoder('utf-8', { fatal: true });
	for (let i = 0; i < buf.length; i++) {
		if (buf[i] === 13 || buf[i] === 10) {
			if (buf[i] === 10 || buf[i + 1] !== 10) { problems.push(`line ${line}: a bare CR or LF`); break; }
			const l = buf.subarray(start, i);
			if (l.length > 75) problems.push(`line ${line}: ${l.length} octets`);
			try { dec.decode(l); } catch { problems.push(`line ${line}: a fold splits a UTF-8 sequence`); }
			i++;
			start = i + 1;
			line++;
		}
	}
	check(problems.length === 0, `${rel}: CRLF, 75 octets, whole UTF-8 sequences`, problems.slice(0, 5).join('\n'));
}

// The occurrences of one VEVENT: instants for times, days for all-day
// entries, a month for a month-long tentative entry.  Stops after limit.
function occurrences(comp, limit) {
	const ev = new ICAL.Event(comp);
	const status = comp.getFirstPropertyValue('status');
	const res = [];
	const problems = [];
	const add = (start, end) => {
		if (start.isDate) {
			const len = end ? end.subtractDate(start).toSeconds() / 86400 : 1;
			if (status === 'TENTATIVE' && start.day === 1 && len >= 28)
				res.push(day(start).slice(0, 7));
			else
				res.push(day(start));
			return;
		}
		const js = start.toJSDate();
		if (localOf(js) !== wall(start))
			problems.push(`${ev.uid}: ${wall(start)} Europe/London is ${js.toISOString()}, which the tz database calls ${localOf(js)}`);
		if (end && localOf(end.toJSDate()) !== wall(end))
			problems.push(`${ev.uid}: end ${wall(end)} is ${end.toJSDate().toISOString()}, which the tz database calls ${localOf(end.toJSDate())}`);
		res.push(js.toISOString());
	};
	if (ev.isRecurring()) {
		const it = ev.iterator();
		for (let next, n = 0; (next = it.next()) && n < 5000; n++) {
			if (limit && (next.isDate ? day(next) : next.toJSDate().toISOString()) > limit) break;
			const d = ev.getOccurrenceDetails(next);
			add(d.startDate, d.endDate);
		}
	} else {
		add(ev.startDate, ev.endDate);
	}
	return { res, problems };
}

// The occurrences an event's page lists: <time datetime="..."> values.
function fromPage(file) {
	if (!fs.existsSync(file)) return null;
	const html = fs.readFileSync(file, 'utf8');
	const set = new Set();
	for (const m of html.matchAll(/<time datetime="([^"]+)"/g)) {
		const v = m[1];
		set.add(v.includes('T') ? new Date(v).toISOString() : v);
	}
	return [...set].sort();
}

const files = walk(out).filter((f) => f.endsWith('.ics')).sort();
check(files.length > 0, 'the site has iCalendar files');
const byEvent = new Map();
for (const file of files) {
	const rel = path.relative(out, file);
	checkBytes(file, rel);
	let cal;
	try {
		cal = new ICAL.Component(ICAL.parse(fs.readFileSync(file, 'utf8')));
	} catch (e) {
		notOk(`${rel}: ical.js parses it`, e.message);
		continue;
	}
	ok(`${rel}: ical.js parses it`);
	const vtz = cal.getAllSubcomponents('vtimezone');
	check(cal.name === 'vcalendar' && cal.getFirstPropertyValue('version') === '2.0' &&
	      cal.getFirstPropertyValue('prodid') && vtz.length === 1 &&
	      vtz[0].getFirstPropertyValue('tzid') === 'Europe/London',
	      `${rel}: VCALENDAR 2.0 with PRODID and a VTIMEZONE for Europe/London`);
	if (vtz.length) ICAL.TimezoneService.register(new ICAL.Timezone(vtz[0]));
	const events = cal.getAllSubcomponents('vevent');
	const uids = events.map((e) => e.getFirstPropertyValue('uid'));
	check(new Set(uids).size === uids.length && uids.every(Boolean) &&
	      events.every((e) => e.getFirstPropertyValue('dtstamp') && e.getFirstPropertyValue('dtstart')),
	      `${rel}: ${events.length} VEVENTs, each with a unique UID, DTSTAMP and DTSTART`);
	if (rel !== 'events.ics') continue;
	for (const comp of events) {
		const url = comp.getFirstPropertyValue('url') || '';
		const id = (url.match(/\/events\/([^/]+)\/$/) || [])[1];
		if (!id) { notOk(`${rel}: ${comp.getFirstPropertyValue('uid')} has the URL of its event`); continue; }
		if (!byEvent.has(id)) byEvent.set(id, []);
		byEvent.get(id).push(comp);
	}
}

const expect = expectFile ? JSON.parse(fs.readFileSync(expectFile, 'utf8')) : null;
for (const [id, comps] of [...byEvent].sort()) {
	const page = fromPage(path.join(out, 'events', id, 'index.html'));
	// open-ended series are listed up to a horizon: expand no further
	const limit = page && page.length ? page[page.length - 1] : null;
	let all = [], problems = [];
	for (const comp of comps) {
		const r = occurrences(comp, comp.getFirstPropertyValue('rrule') &&
					  !comp.getFirstPropertyValue('rrule').until ? limit : null);
		all = all.concat(r.res);
		problems = problems.concat(r.problems);
	}
	all.sort();
	check(problems.length === 0, `${id}: every occurrence at its local time in Europe/London (${all.length} occurrences)`,
	      problems.slice(0, 5).join('\n'));
	if (page)
		check(JSON.stringify(all) === JSON.stringify(page), `${id}: the calendar and the event's page have the same dates`,
		      `calendar: ${all.join(' ')}\npage:     ${page.join(' ')}`);
	else
		notOk(`${id}: has a page`);
	if (expect) {
		const want = expect[id];
		check(want && JSON.stringify(all) === JSON.stringify([...want].sort()), `${id}: the expected occurrences`,
		      `got:  ${all.join(' ')}\nwant: ${want ? [...want].sort().join(' ') : '(none listed)'}`);
	}
}
if (expect)
	for (const id of Object.keys(expect))
		if (!byEvent.has(id)) notOk(`${id}: in events.ics`);
console.log(failed ? `${failed} failed` : 'all passed');
process.exitCode = failed ? 1 : 0;
