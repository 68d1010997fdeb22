#!/usr/bin/env node
// bench/search.cjs OUT [--runs N]: the search part of `make bench`.
//
// Serves the built site OUT on 127.0.0.1 (a plain static server: no
// compression, Cache-Control: no-store) and opens /search/ in Debian's
// Chromium, headless, through puppeteer-core (launched the way
// tests/browser/search launches it).  For a one-word, a two-word and a
// prefix query over the synthetic site of bench/gen.c it measures, N
// times (default 5), each time in a fresh browser context (empty cache,
// a new page):
//
//   bytes     every file of the index (search/**/*.json: manifest, term
//             shards, metadata chunks) the page fetched, from opening
//             /search/ to the results being shown, as served (raw) and
//             as gzip -9 of the same files (what a compressing host
//             would send); the client itself (search.js) is reported once
//   requests  how many of those files
//   time      query to results, measured in the page with
//             performance.now(): from submitting the query (the input's
//             value set, then the form submitted, as pressing Enter does,
//             so the 150 ms typing debounce is not counted) to the
//             result count and the first results being in the DOM (a
//             MutationObserver on the status region).  The manifest has
//             been fetched when the page loaded (the page fetches it at
//             once), so this is the shards, the metadata, the ranking
//             and the rendering, over the loopback network.
//
// Prints one line per query with the medians.  Without Chromium or the
// npm packages it prints why it measured nothing and exits 3, so that
// the caller can say "skipped" (never a figure).
'use strict';

const fs = require('fs');
const path = require('path');
const os = require('os');
const http = require('http');
const zlib = require('zlib');

const ROOT = path.resolve(__dirname, '..');
const CHROMIUM = process.env.SIGNPOST_CHROMIUM || '/usr/bin/chromium';
const TIMEOUT = 30000;

// Words of bench/gen.c's vocabulary: every page is made of them.
const QUERIES = [
	['one-word', 'adoption'],
	['two-word', 'adoption support'],
	['prefix', 'thera'],
];

const TYPES = {
	'.html': 'text/html; charset=utf-8',
	'.css': 'text/css; charset=utf-8',
	'.js': 'text/javascript; charset=utf-8',
	'.json': 'application/json',
	'.svg': 'image/svg+xml',
	'.png': 'image/png',
	'.ico': 'image/x-icon',
};

function skip(why) {
	console.log(`search in the browser: skipped, nothing measured: ${why}`);
	process.exit(3);
}

const gzCache = new Map();
function gzipSize(file, body) {
	if (!gzCache.has(file)) gzCache.set(file, zlib.gzipSync(body, { level: 9 }).length);
	return gzCache.get(file);
}

// served[] gets {path, bytes, gzip} for each file sent.
function serve(root, served) {
	const server = http.createServer((req, res) => {
		let p;
		try {
			p = decodeURIComponent(new URL(req.url, 'http://x').pathname);
		} catch (e) {
			p = '/';
		}
		const headers = { 'Cache-Control': 'no-store' };
		if (p.includes('\0') || p.split('/').includes('..')) {
			res.writeHead(404, headers);
			return res.end();
		}
		let file = path.join(root, p);
		try {
			if (fs.statSync(file).isDirectory()) file = path.join(file, 'index.html');
			const body = fs.readFileSync(file);
			res.writeHead(200, Object.assign(headers, {
				'Content-Type': TYPES[path.extname(file)] || 'application/octet-stream',
				'Content-Length': body.length,
			}));
			served.push({ path: p, bytes: body.length, gzip: gzipSize(file, body) });
			res.end(req.method === 'HEAD' ? undefined : body);
		} catch (e) {
			res.writeHead(404, headers);
			res.end();
		}
	});
	return new Promise((resolve, reject) => {
		server.on('error', reject);
		server.listen(0, '127.0.0.1', () => resolve(server));
	});
}

function median(xs) {
	const v = xs.slice().sort((a, b) => a - b);
	const n = v.length;
	return n % 2 ? v[(n - 1) / 2] : (v[n / 2 - 1] + v[n / 2]) / 2;
}

function kb(bytes) {
	return `${(bytes / 1000).toFixed(1)} KB`;
}

// One run of query q in a fresh context: bytes, requests, time, count.
async function once(browser, base, served, q) {
	const ctx = await browser.createBrowserContext();
	try {
		const page = await ctx.newPage();
		page.setDefaultTimeout(TIMEOUT);
		const errors = [];
		page.on('pageerror', (e) => errors.push(e.message));
		served.length = 0;
		await page.goto(`${base}/search/`, { waitUntil: 'networkidle0' });
		await page.waitForFunction(() => !document.getElementById('sp-search').hidden);
		const r = await page.evaluate((query) => new Promise((resolve) => {
			const status = document.getElementById('sp-search-status');
			const list = document.getElementById('sp-search-results');
			const form = document.getElementById('sp-search');
			const input = document.getElementById('sp-search-q');
			const want = `\u201c${query}\u201d`;
			let t0 = 0;
			const done = () => status.textContent.includes(want) &&
				(list.children.length > 0 || /^No results/.test(status.textContent));
			const obs = new MutationObserver(() => {
				if (!done()) return;
				const t1 = performance.now();
				obs.disconnect();
				// the time some index file was on its way
				const spans = performance.getEntriesByType('resource')
					.filter((e) => e.startTime >= t0 && /\/search\/.*\.json$/.test(e.name))
					.map((e) => [e.startTime, e.responseEnd]).sort((a, b) => a[0] - b[0]);
				let net = 0;
				let upTo = t0;
				for (const [a, b] of spans) {
					if (b > upTo) net += b - Math.max(a, upTo);
					upTo = Math.max(upTo, b);
				}
				resolve({ ms: t1 - t0, net, status: status.textContent, shown: list.children.length,
					first: list.children.length ? list.children[0].querySelector('a').getAttribute('href') : '' });
			});
			obs.observe(document.body,
				{ childList: true, subtree: true, characterData: true });
			input.value = query;
			t0 = performance.now();
			form.requestSubmit();
		}), q);
		if (errors.length) throw new Error(`script error: ${errors.join('; ')}`);
		const files = served.filter((s) => s.path.startsWith('/search/') && s.path.endsWith('.json'));
		const sum = (f, k) => f.reduce((a, s) => a + s[k], 0);
		const part = (re) => {
			const f = files.filter((s) => re.test(s.path));
			return { n: f.length, bytes: sum(f, 'bytes'), gzip: sum(f, 'gzip') };
		};
		return Object.assign(r, {
			requests: files.length, bytes: sum(files, 'bytes'), gzip: sum(files, 'gzip'),
			manifest: part(/^\/search\/manifest\.json$/), shards: part(/^\/search\/s\//),
			meta: part(/^\/search\/m\//),
		});
	} finally {
		await ctx.close().catch(() => {});
	}
}

async function main() {
	const args = process.argv.slice(2);
	let runs = 5;
	const i = args.indexOf('--runs');
	if (i >= 0) {
		runs = Math.max(1, parseInt(args[i + 1], 10) || 1);
		args.splice(i, 2);
	}
	if (args.length !== 1) {
		console.error('usage: bench/search.cjs OUT [--runs N]');
		process.exit(2);
	}
	const out = path.resolve(args[0]);
	if (!fs.existsSync(path.join(out, 'search', 'manifest.json'))) {
		skip(`${out} has no search/manifest.json`);
	}
	if (!fs.existsSync(CHROMIUM)) skip(`${CHROMIUM} not found (Debian package chromium; scripts/install-deps bench)`);
	let puppeteer;
	try {
		puppeteer = require(require.resolve('puppeteer-core', { paths: [ROOT] }));
	} catch (e) {
		skip(`cannot load npm package puppeteer-core (${e.code || e.message}); run scripts/install-deps bench`);
	}

	const js = fs.readFileSync(path.join(out, 'js', 'search.js'));
	const manifest = JSON.parse(fs.readFileSync(path.join(out, 'search', 'manifest.json'), 'utf8'));
	const shardSizes = fs.readdirSync(path.join(out, 'search', 's'))
		.map((f) => fs.statSync(path.join(out, 'search', 's', f)).size);
	const metaFiles = fs.readdirSync(path.join(out, 'search', 'm')).length;
	console.log(`search index in detail: ${manifest.docs} documents; ${shardSizes.length} term shards, ` +
		`median ${kb(median(shardSizes))}, largest ${kb(Math.max(...shardSizes))}; ` +
		`${metaFiles} metadata files of ${manifest.chunk} documents; search.js ${kb(js.length)} ` +
		`(${kb(zlib.gzipSync(js, { level: 9 }).length)} gzipped)`);

	const served = [];
	const server = await serve(out, served);
	const base = `http://127.0.0.1:${server.address().port}`;
	const profile = fs.mkdtempSync(path.join(os.tmpdir(), 'signpost-bench-chromium-'));
	let browser;
	try {
		try {
			browser = await puppeteer.launch({
				executablePath: CHROMIUM, headless: true, pipe: true, timeout: 60000, protocolTimeout: 60000,
				args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
					'--disable-background-networking', '--disable-component-update', '--disable-sync',
					`--user-data-dir=${profile}`],
			});
		} catch (e) {
			skip(`cannot launch ${CHROMIUM}: ${e.message.split('\n')[0]}`);
		}
		const version = (await browser.version()).replace(/^HeadlessChrome\//, '');
		console.log(`search in headless Chromium ${version}, load ${fs.readFileSync('/proc/loadavg', 'utf8').split(' ').slice(0, 3).join(' ')}:`);
		console.log('  bytes: the index files (manifest, shards, metadata) fetched from opening /search/ to ' +
			'the results, as served (no compression) and gzip -9 of the same files');
		console.log('  time: from submitting the query (as Enter does: no 150 ms typing debounce; the manifest ' +
			'was fetched when the page loaded) to the count and the first 10 results in the DOM');
		console.log(`  each the median of ${runs} run${runs === 1 ? '' : 's'}, each in a fresh browser context (empty cache); ` +
			'the last word of a query also matches as a prefix, as when typing');
		for (const [label, q] of QUERIES) {
			const rs = [];
			// a first run, not counted, warms the server and the browser
			await once(browser, base, served, q);
			for (let r = 0; r < runs; r++) rs.push(await once(browser, base, served, q));
			const m = (k) => median(rs.map((x) => x[k]));
			const mp = (k, f) => median(rs.map((x) => x[k][f]));
			const ms = m('ms');
			console.log(`search, ${label} query "${q}": ${m('requests')} requests, ${kb(m('bytes'))} ` +
				`(${kb(m('gzip'))} gzipped), ${ms.toFixed(1)} ms to results (median of ${runs}); ` +
				`${rs[0].status.replace(/ for .*/, '')}`);
			console.log(`  manifest ${kb(mp('manifest', 'bytes'))}; ` +
				`${mp('shards', 'n')} shard${mp('shards', 'n') === 1 ? '' : 's'} ${kb(mp('shards', 'bytes'))} ` +
				`(${kb(mp('shards', 'gzip'))} gzipped); ` +
				`${mp('meta', 'n')} metadata file${mp('meta', 'n') === 1 ? '' : 's'} ${kb(mp('meta', 'bytes'))} ` +
				`(${kb(mp('meta', 'gzip'))} gzipped)`);
			console.log(`  times ${rs.map((x) => x.ms.toFixed(1)).join(' ')} ms, of which waiting for ` +
				`index files ${rs.map((x) => x.net.toFixed(1)).join(' ')} ms`);
			const targets = [`${ms < 50 ? 'met' : 'MISSED'}: under 50 ms`];
			if (label === 'one-word') targets.unshift(`${m('bytes') < 60000 ? 'met' : 'MISSED'}: under 60 KB`);
			console.log(`  targets: ${targets.join('; ')}`);
		}
	} finally {
		if (browser) await browser.close().catch(() => {});
		server.close();
		fs.rmSync(profile, { recursive: true, force: true });
	}
}

main().catch((e) => {
	console.log(`search in the browser: failed: ${e.stack || e.message}`);
	process.exit(1);
});
