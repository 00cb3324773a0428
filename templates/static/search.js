// Search as you type, in the page's language. The index (built with the
// site, see generator/internal/search) is fetched the first time the reader
// uses the box. Hangul is matched by letter pairs, so a word without its
// particle finds it with one; other words match as prefixes. Without
// JavaScript the form goes to the barrier index.
(function () {
  "use strict";
  var form = document.querySelector("form.search");
  if (!form) return;
  var input = form.querySelector("input");
  var list = document.getElementById("search-results");
  var status = document.getElementById("search-status");
  var loading = null;
  var particles = ["에서", "으로", "에게", "까지", "부터", "은", "는", "이", "가", "을", "를", "의", "에", "로", "와", "과", "도", "만"];
  var cjk = /[\u1100-\u11ff\u3040-\u30ff\u3130-\u318f\u3400-\u4dbf\u4e00-\u9fff\uac00-\ud7af\uf900-\ufaff]/;
  var letter = /[\p{L}\p{N}]/u;

  function load() {
    if (!loading) {
      loading = fetch(form.getAttribute("data-index")).then(function (r) {
        if (!r.ok) throw new Error(r.status);
        return r.json();
      });
    }
    return loading;
  }

  // tokens mirrors search.Tokens.
  function tokens(text) {
    var out = [], cur = "", curCJK = false;
    function flush() {
      if (cur && (curCJK || Array.from(cur).length > 1 || /\p{N}/u.test(cur))) out.push({ t: cur, c: curCJK });
      cur = "";
    }
    Array.from(text.toLowerCase()).forEach(function (ch) {
      if (!letter.test(ch)) return flush();
      var c = cjk.test(ch);
      if (cur && c !== curCJK) flush();
      cur += ch;
      curCJK = c;
    });
    flush();
    return out;
  }

  function pairs(ps, into, better) {
    for (var i = 0; i + 1 < ps.length; i += 2) {
      var d = ps[i], s = ps[i + 1];
      into.set(d, into.has(d) ? better(into.get(d), s) : s);
    }
    return into;
  }

  function prefix(ix, p, isCJK) {
    var m = new Map();
    Object.keys(ix.terms).forEach(function (t) {
      if (t.indexOf(p) === 0 && cjk.test(t[0]) === isCJK) pairs(ix.terms[t], m, Math.max);
    });
    return m;
  }

  function allPairs(ix, rs) {
    var m = null;
    for (var i = 0; i + 1 < rs.length; i++) {
      var cur = pairs(ix.terms[rs[i] + rs[i + 1]] || [], new Map(), Math.max);
      if (!m) { m = cur; continue; }
      m.forEach(function (s, d) {
        if (!cur.has(d)) m.delete(d);
        else m.set(d, Math.min(s, cur.get(d)));
      });
    }
    return m || new Map();
  }

  function matchToken(ix, tok) {
    if (!tok.c) return prefix(ix, tok.t, false);
    var rs = Array.from(tok.t);
    if (rs.length === 1) return prefix(ix, tok.t, true);
    var m = allPairs(ix, rs);
    if (m.size === 0) {
      for (var i = 0; i < particles.length; i++) {
        var p = particles[i], stem = rs.slice(0, rs.length - Array.from(p).length);
        if (tok.t.endsWith(p) && stem.length >= 2) return matchToken(ix, { t: stem.join(""), c: true });
      }
    }
    return m;
  }

  // query mirrors search.Index.Query: every word must match; best first.
  function query(ix, q) {
    var total = null;
    tokens(q).forEach(function (tok) {
      var m = matchToken(ix, tok);
      if (!total) { total = m; return; }
      total.forEach(function (s, d) {
        if (m.has(d)) total.set(d, s + m.get(d));
        else total.delete(d);
      });
    });
    if (!total) return [];
    return Array.from(total.keys()).sort(function (a, b) {
      return total.get(b) - total.get(a) || a - b;
    });
  }

  function el(tag, cls, text) {
    var e = document.createElement(tag);
    if (cls) e.className = cls;
    if (text) e.textContent = text;
    return e;
  }

  function show(ix, q) {
    list.textContent = "";
    if (!q.trim()) {
      list.hidden = true;
      status.textContent = "";
      return;
    }
    var found = query(ix, q);
    found.slice(0, 20).forEach(function (d) {
      var doc = ix.docs[d], li = el("li"), a = el("a", "", doc.t);
      a.href = doc.u;
      li.appendChild(a);
      if (doc.k) li.appendChild(el("span", "search-section", doc.k));
      li.appendChild(el("p", "", doc.s));
      list.appendChild(li);
    });
    list.hidden = found.length === 0;
    status.textContent = found.length
      ? form.getAttribute("data-results").replace("%d", found.length)
      : form.getAttribute("data-none");
  }

  function run() {
    var q = input.value;
    load().then(function (ix) {
      if (input.value === q) show(ix, q);
    }, function () {
      status.textContent = form.getAttribute("data-failed");
    });
  }

  var timer = 0;
  input.addEventListener("input", function () {
    clearTimeout(timer);
    timer = setTimeout(run, 120);
  });
  input.addEventListener("focus", function () {
    load();
    list.hidden = !list.firstChild;
  });
  // The results drop down over the page: fold them away when focus leaves
  // the search, and back when it returns.
  form.addEventListener("focusout", function (e) {
    if (!form.contains(e.relatedTarget)) list.hidden = true;
  });
  input.addEventListener("keydown", function (e) {
    if (e.key === "Escape") { input.value = ""; run(); }
  });
  form.addEventListener("submit", function (e) {
    e.preventDefault();
    run();
  });
  // The form's fallback address is the barrier index; arriving there with
  // a query (?q=) shows its results too.
  var q = new URLSearchParams(location.search).get("q");
  if (q) { input.value = q; run(); }
  window.explainerSearch = function (q) { return load().then(function (ix) { return query(ix, q).map(function (d) { return ix.docs[d].u; }); }); };
})();
