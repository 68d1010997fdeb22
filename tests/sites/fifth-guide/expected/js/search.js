/*
 * search.js: instant search on /search/, over the index the generator
 * writes beside the page (src/emit/search.h has the file formats).
 * Progressive enhancement only: without JavaScript the page explains and
 * links to the guides; with it this script shows the form, fetches the
 * manifest, the shards the query's terms need and the metadata of the
 * results it shows, and keeps the query in the URL (?q=, guide=, type=).
 *
 * tokens() must give the terms src/emit/tokenize.c gives (the rules are
 * in src/emit/tokenize.h); tests/browser/search compares the two.
 */
(function () {
  "use strict";

  // U+00C0 to U+00DF folded; U+00E0 to U+00FF fold the same but for
  // U+00FF, and "-" marks the two signs (U+00D7, U+00F7).
  var FOLD = "a a a a a a ae c e e e e i i i i d n o o o o o - o u u u u y th ss".split(" ");
  var TOKEN_MAX = 40;
  var SHOWN = 10;
  var DELAY = 150;

  function stem(s) {
    if (s.length < 4) return s;
    if (/ies$/.test(s)) return s.slice(0, -3) + "y";
    if (/(s|x|z|ch|sh)es$/.test(s)) return s.slice(0, -2);
    if (/[^sui]s$/.test(s)) return s.slice(0, -1);
    return s;
  }

  // The terms of text: [term, start, end, term before stemming].
  function tokens(text) {
    var out = [], cur = "", at = -1, tooLong = false, i, c, add, t;
    for (i = 0; i <= text.length; i++) {
      c = i < text.length ? text.charCodeAt(i) : 32;
      add = null;
      if ((c >= 97 && c <= 122) || (c >= 48 && c <= 57)) add = text.charAt(i);
      else if (c >= 65 && c <= 90) add = String.fromCharCode(c + 32);
      else if (c === 39 || c === 0x2019) add = "";
      else if (c >= 0xc0 && c <= 0xff) {
        add = c === 0xff ? "y" : FOLD[c & 31];
        if (add === "-") add = null;
      }
      if (add !== null) {
        if (at < 0) at = i;
        if (cur.length + add.length > TOKEN_MAX) tooLong = true;
        else cur += add;
      } else {
        if (cur && !tooLong && (t = stem(cur)).length > 1) out.push([t, at, i, cur]);
        cur = "";
        at = -1;
        tooLong = false;
      }
    }
    return out;
  }

  // A term of a query: {t: term} matches the term, {t, p: [prefixes]}
  // any term that starts with one of them.
  function termKeys(term) {
    return [term.t].concat(term.p || []).map(function (s) { return s.slice(0, 2); });
  }

  function covers(a, b) { // every term of b is in a
    return b.every(function (x) {
      return a.some(function (y) { return y.t === x.t; });
    });
  }

  // The query as clauses that a result must all match.  A clause is a
  // list of alternatives (the query's own words, then the other phrases
  // of the synonym groups its words matched), any of which will do; an
  // alternative is a list of terms it needs.  A phrase that needs all
  // of another alternative's terms adds nothing and is dropped.  The
  // last word matches as a prefix while the query does not end in a
  // space or a sign.
  function plan(q, groups) {
    var toks = tokens(q), words = toks.map(function (t) { return t[0]; });
    var open = toks.length && toks[toks.length - 1][2] === q.length;
    var clauses = [], i = 0;
    while (i < words.length) {
      var len = 1, found = [], own, alts, seen = {};
      groups.forEach(function (g) {
        g.forEach(function (p) {
          if (p.length < len || i + p.length > words.length) return;
          for (var k = 0; k < p.length; k++) if (p[k] !== words[i + k]) return;
          if (p.length > len || !found.length) found = [];
          len = p.length;
          found.push(g);
        });
      });
      own = words.slice(i, i + len).map(function (w) { return { t: w }; });
      if (open && i + len === words.length) {
        var last = toks[toks.length - 1];
        own[len - 1].p = last[3] === last[0] ? [last[0]] : [last[0], last[3]];
      }
      alts = [own];
      seen[words.slice(i, i + len).join(" ")] = 1;
      found.forEach(function (g) {
        g.forEach(function (p) {
          var s = p.join(" ");
          if (seen[s]) return;
          seen[s] = 1;
          alts.push(p.map(function (w) { return { t: w }; }));
        });
      });
      clauses.push(alts.filter(function (a, n) {
        return !n || !alts.some(function (b, m) {
          return m !== n && covers(a, b) && (a.length > b.length || m < n);
        });
      }));
      i += len;
    }
    return clauses;
  }

  // Runs the plan over the shards (key: parsed JSON); ok(tag) says
  // whether a posting's guide and kind pass the filters.  A term scores
  // its posting's score (a prefix: its best term's), an alternative the
  // sum of its terms', a clause its best alternative's, a result the sum
  // of its clauses'.  Returns [doc, score] best first, ties by doc.
  function run(clauses, shards, ok) {
    function hits(term) {
      var h = new Map();
      function add(list) {
        for (var i = 0; i < list.length; i += 3) {
          if (ok(list[i + 2]) && !(h.get(list[i]) >= list[i + 1])) h.set(list[i], list[i + 1]);
        }
      }
      [term.t].concat(term.p || []).forEach(function (s, n) {
        var shard = shards[s.slice(0, 2)] || {};
        if (!n && Object.prototype.hasOwnProperty.call(shard, s)) add(shard[s]);
        if (n) for (var k in shard) if (k.lastIndexOf(s, 0) === 0) add(shard[k]);
      });
      return h;
    }
    function join(a, b) { // docs in both, scores added
      var out = new Map();
      a.forEach(function (s, d) { if (b.has(d)) out.set(d, s + b.get(d)); });
      return out;
    }
    var total = null;
    clauses.forEach(function (alts) {
      var best = new Map();
      alts.forEach(function (terms) {
        var acc = terms.map(hits).reduce(join);
        acc.forEach(function (s, d) { if (!(best.get(d) >= s)) best.set(d, s); });
      });
      total = total ? join(total, best) : best;
    });
    return Array.from(total || []).sort(function (a, b) { return b[1] - a[1] || a[0] - b[0]; });
  }

  if (typeof document === "undefined") {
    module.exports = { tokens: tokens, plan: plan, run: run, termKeys: termKeys };
    return;
  }

  var form = document.getElementById("sp-search");
  var input = document.getElementById("sp-search-q");
  var guideSel = document.getElementById("sp-search-guide");
  var typeSel = document.getElementById("sp-search-type");
  var scope = document.getElementById("sp-search-scope");
  var scopeText = document.getElementById("sp-search-scope-text");
  var widen = document.getElementById("sp-search-widen");
  var status = document.getElementById("sp-search-status");
  var list = document.getElementById("sp-search-results");
  var more = document.getElementById("sp-search-more");
  var nojs = document.getElementById("sp-search-nojs");
  if (!form || !input || !guideSel || !typeSel || !status || !list || !more ||
      !window.fetch || !window.Map || !window.history.replaceState) return;

  var base = form.getAttribute("data-index") || "/search/";
  var files = {}; // path: promise of its JSON
  var manifest, groups, latest = 0, timer, found = [], shownCount = 0, marks = [];

  function get(path) {
    if (!files[path]) {
      files[path] = fetch(base + path).then(function (r) {
        if (!r.ok) throw new Error(path + ": HTTP " + r.status);
        return r.json();
      });
      files[path].catch(function () { delete files[path]; });
    }
    return files[path];
  }

  function guideTitle(id) {
    for (var i = 0; i < manifest.guides.length; i++) {
      if (manifest.guides[i].id === id) return manifest.guides[i].title;
    }
    return "";
  }

  // The filters as a test on a posting's tag (guide * 4 + kind).
  function filter() {
    var g = 0, k = manifest.kinds.indexOf(typeSel.value);
    manifest.guides.forEach(function (x, i) { if (x.id === guideSel.value) g = i + 1; });
    return function (tag) {
      return (!g || tag >> 2 === g) && (k < 0 || (tag & 3) === k);
    };
  }

  // The summary as text with the matched words in <mark>.
  function snippet(text) {
    var p = document.createElement("p"), from = 0;
    p.className = "sp-search__snippet";
    tokens(text).forEach(function (t) {
      var hit = marks.some(function (m) {
        return m.t === t[0] || (m.p || []).some(function (s) {
          return t[0].lastIndexOf(s, 0) === 0 || t[3].lastIndexOf(s, 0) === 0;
        });
      });
      if (!hit) return;
      p.appendChild(document.createTextNode(text.slice(from, t[1])));
      p.appendChild(document.createElement("mark")).textContent = text.slice(t[1], t[2]);
      from = t[2];
    });
    p.appendChild(document.createTextNode(text.slice(from)));
    return p;
  }

  function item(meta) {
    var li = document.createElement("li"), a = document.createElement("a");
    var about = document.createElement("p"), kind = manifest.kinds[meta[2]] || "";
    var what = [];
    li.className = "sp-search__result";
    a.className = "sp-search__link";
    a.href = meta[0];
    a.textContent = meta[1];
    about.className = "sp-search__about";
    if (meta[2]) what.push(kind.charAt(0).toUpperCase() + kind.slice(1));
    if (meta[3]) what.push(guideTitle(meta[3]));
    about.textContent = what.join(" \u00b7 ");
    li.appendChild(a);
    if (what.length) li.appendChild(about);
    if (meta[4]) li.appendChild(snippet(meta[4]));
    return li;
  }

  // Adds the next results to the list (their metadata first).
  function showMore(seq, focus) {
    var next = found.slice(shownCount, shownCount + SHOWN), chunks = {};
    next.forEach(function (r) { chunks[Math.floor(r[0] / manifest.chunk)] = 1; });
    return Promise.all(Object.keys(chunks).map(function (c) {
      return get("m/" + c + ".json").then(function (m) { chunks[c] = m; });
    })).then(function () {
      if (seq !== latest) return;
      var first;
      next.forEach(function (r) {
        var li = item(chunks[Math.floor(r[0] / manifest.chunk)][r[0] % manifest.chunk]);
        first = first || li.firstChild;
        list.appendChild(li);
      });
      shownCount += next.length;
      list.hidden = !shownCount;
      more.hidden = shownCount >= found.length;
      if (focus && first) first.focus();
    });
  }

  function say(text) {
    status.textContent = text;
  }

  function showScope() {
    scope.hidden = !guideSel.value;
    scopeText.textContent = guideSel.value ? "Showing results from " + guideTitle(guideSel.value) + " only." : "";
  }

  // The form's state in the address bar, for sharing and going back.
  function keepInUrl() {
    var params = [];
    [["q", input.value], ["guide", guideSel.value], ["type", typeSel.value]].forEach(function (p) {
      if (p[1]) params.push(p[0] + "=" + encodeURIComponent(p[1]).replace(/%20/g, "+"));
    });
    var url = location.pathname + (params.length ? "?" + params.join("&") : "");
    if (url !== location.pathname + location.search) history.replaceState(null, "", url);
  }

  function search() {
    var seq = ++latest, q = input.value;
    clearTimeout(timer);
    keepInUrl();
    return get("manifest.json").then(function (m) {
      manifest = m;
      groups = groups || m.synonyms.map(function (g) {
        return g.map(function (p) { return p.split(" "); });
      });
      showScope();
      var clauses = plan(q, groups), keys = {};
      clauses.forEach(function (alts) {
        alts.forEach(function (terms) {
          terms.forEach(function (t) {
            termKeys(t).forEach(function (k) { if (m.shards.indexOf(k) >= 0) keys[k] = 1; });
          });
        });
      });
      var shards = {};
      return Promise.all(Object.keys(keys).map(function (k) {
        return get("s/" + k + ".json").then(function (s) { shards[k] = s; });
      })).then(function () {
        if (seq !== latest) return;
        found = run(clauses, shards, filter());
        marks = [].concat.apply([], [].concat.apply([], clauses));
        shownCount = 0;
        while (list.firstChild) list.removeChild(list.firstChild);
        return showMore(seq, false).then(function () {
          if (seq !== latest) return;
          var n = found.length, where = guideSel.value ? " in " + guideTitle(guideSel.value) : "";
          if (!clauses.length) say(q.trim() ? "Type a longer word to search." : "");
          else say((n ? (n === 1 ? "1 result" : n + " results") : "No results") + " for \u201c" + q.trim() + "\u201d" + where + ".");
        });
      });
    }).catch(function () {
      if (seq === latest) say("Search is not working right now. Please try again later.");
    });
  }

  // Reads the form's state from the address bar.
  function fromUrl() {
    var params = new URLSearchParams(location.search);
    input.value = params.get("q") || "";
    guideSel.value = params.get("guide") || "";
    typeSel.value = params.get("type") || "";
    if (guideSel.value !== (params.get("guide") || "")) guideSel.value = "";
    if (typeSel.value !== (params.get("type") || "")) typeSel.value = "";
    return search();
  }

  input.addEventListener("input", function () {
    clearTimeout(timer);
    timer = setTimeout(search, DELAY);
  });
  form.addEventListener("submit", function (e) {
    e.preventDefault();
    search();
  });
  guideSel.addEventListener("change", search);
  typeSel.addEventListener("change", search);
  widen.addEventListener("click", function () {
    guideSel.value = "";
    input.focus();
    search();
  });
  more.addEventListener("click", function () {
    if (more.disabled) return;
    more.disabled = true;
    showMore(latest, true).then(function () { more.disabled = false; }, function () { more.disabled = false; });
  });
  window.addEventListener("popstate", fromUrl);

  if (nojs) nojs.hidden = true;
  form.hidden = false;
  fromUrl();
})();
