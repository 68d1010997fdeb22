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

  // The shard keys a term of a query needs: {t: term} the longest key
  // that begins it, {t, p: [prefixes]} also, for each prefix, the keys
  // that begin with it, else the longest that begins it (which covers
  // t too when it is one of the prefixes; src/emit/search.h).
  function termKeys(term, keys) {
    function longest(s) {
      for (var n = s.length; n; n--) if (keys.indexOf(s.slice(0, n)) >= 0) return [s.slice(0, n)];
      return [];
    }
    var p = term.p || [];
    return [].concat.apply(p.indexOf(term.t) < 0 ? longest(term.t) : [], p.map(function (s) {
      var under = keys.filter(function (k) { return k.lastIndexOf(s, 0) === 0; });
      return under.length ? under : longest(s);
    }));
  }

  // A term's postings as [doc, score, ...] (the format: search.h).
  function postings(s) {
    var out = [], v = 0, sh = 0, left = -1, score = 0, doc = 0, i, x;
    for (i = 0; i < s.length; i++) {
      x = s.charCodeAt(i) - 35;
      if (x > 57) x--;
      v |= (x & 31) << sh;
      sh += 5;
      if (x & 32) continue;
      if (left === -1) { // a group: its score, its size, its documents
        score = v;
        left = -2;
      } else if (left === -2) {
        left = v || -1;
        doc = 0;
      } else {
        out.push(doc += v, score);
        if (!--left) left = -1;
      }
      v = sh = 0;
    }
    return out;
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

  // Runs the plan over dict (term: postings string, the terms of the
  // shards it needs) for documents 0 to n - 1; ok(doc), unless null,
  // says whether a document passes the filters.  A term scores its posting's score (a
  // prefix: its best term's), an alternative the sum of its terms', a
  // clause its best alternative's, a result the sum of its clauses'.
  // Returns the documents best first, ties by doc.
  function run(clauses, dict, ok, n) {
    var lists = {}, total = null, d, byScore = {}, out = [];
    function hits(term) { // scores by doc, 0: none
      var h = new Int32Array(n);
      function add(k) {
        var list = lists[k] || (lists[k] = postings(dict[k]));
        for (var i = 0; i < list.length; i += 2) if (h[list[i]] < list[i + 1]) h[list[i]] = list[i + 1];
      }
      if (Object.prototype.hasOwnProperty.call(dict, term.t)) add(term.t);
      (term.p || []).forEach(function (s) {
        for (var k in dict) if (k !== term.t && k.lastIndexOf(s, 0) === 0) add(k);
      });
      return h;
    }
    function join(a, b) { // docs in both, scores added
      for (var i = 0; i < n; i++) a[i] = a[i] && b[i] ? a[i] + b[i] : 0;
      return a;
    }
    clauses.forEach(function (alts) {
      var best = new Int32Array(n);
      alts.forEach(function (terms) {
        var acc = terms.map(hits).reduce(join);
        for (var i = 0; i < n; i++) if (best[i] < acc[i]) best[i] = acc[i];
      });
      total = total ? join(total, best) : best;
    });
    for (d = 0; total && d < n; d++) {
      if (total[d] && (!ok || ok(d))) (byScore[total[d]] = byScore[total[d]] || []).push(d);
    }
    Object.keys(byScore).sort(function (a, b) { return b - a; }).forEach(function (s) {
      for (var i = 0, l = byScore[s]; i < l.length; i++) out.push(l[i]);
    });
    return out;
  }

  if (typeof document === "undefined") {
    module.exports = { tokens: tokens, plan: plan, run: run, termKeys: termKeys, postings: postings };
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
  var manifest, groups, tags, latest = 0, timer, found = [], shownCount = 0, marks = [];

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

  // The filters as a test on a document's tag (guide * 4 + kind), null
  // when there are none.
  function filter() {
    var g = 0, k = manifest.kinds.indexOf(typeSel.value);
    manifest.guides.forEach(function (x, i) { if (x.id === guideSel.value) g = i + 1; });
    return g || k >= 0 ? function (doc) {
      var tag = tags[doc];
      return (!g || tag >> 2 === g) && (k < 0 || (tag & 3) === k);
    } : null;
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
    next.forEach(function (d) { chunks[Math.floor(d / manifest.chunk)] = 1; });
    return Promise.all(Object.keys(chunks).map(function (c) {
      return get("m/" + c + ".json").then(function (m) { chunks[c] = m; });
    })).then(function () {
      if (seq !== latest) return;
      var first;
      next.forEach(function (d) {
        var li = item(chunks[Math.floor(d / manifest.chunk)][d % manifest.chunk]);
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
    return get("manifest.json").then(function (m) {
      manifest = m;
      if (!groups) {
        groups = m.synonyms.map(function (g) {
          return g.map(function (p) { return p.split(" "); });
        });
        tags = [];
        m.tags.forEach(function (r, i) {
          for (var d = r[0]; d < (m.tags[i + 1] || [m.docs])[0]; d++) tags[d] = r[1];
        });
      }
      showScope();
      var clauses = plan(q, groups), keys = {};
      clauses.forEach(function (alts) {
        alts.forEach(function (terms) {
          terms.forEach(function (t) {
            termKeys(t, m.shards).forEach(function (k) { keys[k] = 1; });
          });
        });
      });
      var terms = {};
      return Promise.all(Object.keys(keys).map(function (k) {
        return get("s/" + k + ".json").then(function (s) { Object.assign(terms, s); });
      })).then(function () {
        if (seq !== latest) return;
        found = run(clauses, terms, filter(), m.docs);
        marks = [].concat.apply([], [].concat.apply([], clauses));
        shownCount = 0;
        while (list.firstChild) list.removeChild(list.firstChild);
        return showMore(seq, false).then(function () {
          if (seq !== latest) return;
          var n = found.length, where = guideSel.value ? " in " + guideTitle(guideSel.value) : "";
          if (!clauses.length) say(q.trim() ? "Type a longer word to search." : "");
          else say((n ? (n === 1 ? "1 result" : n + " results") : "No results") + " for \u201c" + q.trim() + "\u201d" + where + ".");
          keepInUrl(); // after the results: history.replaceState takes a while
        });
      });
    }).catch(function () {
      if (seq !== latest) return;
      say("Search is not working right now. Please try again later.");
      keepInUrl();
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
