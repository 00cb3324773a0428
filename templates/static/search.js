// Search as you type, in the page's language. The index, built with the
// site, is fetched when the box is first used; search.Index.Query (Go) is
// the reference this follows. The results are the combobox's listbox.
// Without JavaScript the form goes to the page that lists everything.
(() => {
  "use strict";
  const form = document.querySelector("form.search");
  if (!form) return;
  const input = form.querySelector("input"), list = document.getElementById("search-results"),
    status = document.getElementById("search-status"),
    cjk = /[\u1100-\u11ff\u3040-\u30ff\u3130-\u318f\u3400-\u4dbf\u4e00-\u9fff\uac00-\ud7af\uf900-\ufaff]/,
    letter = /[\p{L}\p{N}]/u, len = s => Array.from(s).length, data = n => form.getAttribute("data-" + n);
  let loading, shown = [], active = -1, last, timer;

  const load = () => loading = loading || fetch(data("index")).then(r => {
    if (!r.ok) throw new Error(r.status);
    return r.json();
  }).then(ix => {
    ix.alts = new Map();
    for (const g of ix.syn || []) for (const w of g) ix.alts.set(w, g.map(t => ({ t, c: cjk.test(t[0]) })));
    return ix;
  });

  // tokens follows search.Tokens, normalize search.Normalize.
  const tokens = text => {
    const out = [];
    let cur = "", c0 = false;
    const flush = () => {
      if (cur && (c0 || len(cur) > 1 || /\p{N}/u.test(cur))) out.push({ t: cur, c: c0 });
      cur = "";
    };
    for (const ch of text.toLowerCase()) {
      if (!letter.test(ch)) { flush(); continue; }
      const c = cjk.test(ch);
      if (cur && c !== c0) flush();
      cur += ch;
      c0 = c;
    }
    flush();
    return out;
  };
  const normalize = (ix, { t, c }) => {
    for (let i = 0; c && i < ix.end.length; i++) {
      const e = ix.end[i];
      if (t.endsWith(e) && len(t) - len(e) >= 2) { t = t.slice(0, -e.length); i = -1; }
    }
    return { t, c };
  };
  // Each word of a query in its forms: itself and its synonyms.
  const words = (ix, q) => tokens(q).map(w => (w = normalize(ix, w), ix.alts.get(w.t) || [w]));

  // A term's postings: pairs of a place, less the place before, and a score.
  const pairs = (ps = [], m = new Map()) => {
    for (let i = 0, d = 0; i + 1 < ps.length; i += 2) {
      d += ps[i];
      m.set(d, Math.max(m.get(d) || 0, ps[i + 1]));
    }
    return m;
  };
  const match = (ix, { t, c }) => {
    const rs = Array.from(t);
    let m;
    if (!c || rs.length === 1) {
      m = new Map();
      for (const k in ix.terms) if (k.startsWith(t) && cjk.test(k[0]) === c) pairs(ix.terms[k], m);
      return m;
    }
    for (let i = 0; i + 1 < rs.length; i++) {
      const cur = pairs(ix.terms[rs[i] + rs[i + 1]]);
      if (!m) { m = cur; continue; }
      m.forEach((s, d) => cur.has(d) ? m.set(d, Math.min(s, cur.get(d))) : m.delete(d));
    }
    return m;
  };

  // A page has every word; one part of it is shown: the one with the most
  // words, then the best scores.
  const query = (ix, q) => {
    const ws = words(ix, q), pages = new Map(), part = new Map(), own = new Map(), total = new Map(), out = [];
    ws.forEach((alts, i) => {
      const m = new Map();
      for (const t of alts) match(ix, t).forEach((s, d) => m.set(d, Math.max(m.get(d) || 0, s)));
      m.forEach((s, d) => {
        let p = part.get(d);
        if (!p) {
          const key = ix.docs[d].u.split("#")[0];
          if (!(p = pages.get(key))) pages.set(key, p = { best: -1, score: 0, w: ws.map(() => 0) });
          part.set(d, p);
        }
        p.w[i] = Math.max(p.w[i], s);
        own.set(d, (own.get(d) || 0) + 65536 + s);
      });
    });
    own.forEach((s, d) => {
      const p = part.get(d);
      if (s > p.score || s === p.score && d < p.best) { p.best = d; p.score = s; }
    });
    pages.forEach(p => {
      if (p.w.every(Boolean)) { out.push(p.best); total.set(p.best, p.w.reduce((a, b) => a + b)); }
    });
    return out.sort((a, b) => total.get(b) - total.get(a) || a - b);
  };

  // The query's words in a text: Korean with or without spaces between
  // letters, other words where a word starts.
  const pattern = (ix, q) => new RegExp(words(ix, q).flat()
    .map(w => w.c ? Array.from(w.t).join("\\s*") : "(?<![\\p{L}\\p{N}])" + w.t)
    .sort((a, b) => b.length - a.length).join("|") || "$^", "giu");

  // Some 200 characters of x from shortly before the first match.
  const passage = (x, re) => {
    re.lastIndex = 0;
    const m = re.exec(x), at = m ? m.index : 0;
    let start = Math.max(0, at - 60), end;
    if (start) start = Math.min(at, x.indexOf(" ", start) + 1 || start);
    end = Math.min(x.length, start + 200);
    const sp = x.lastIndexOf(" ", end);
    if (end < x.length && sp > at) end = sp;
    return (start ? "… " : "") + x.slice(start, end) + (end < x.length ? " …" : "");
  };

  const el = (tag, text, cls) => {
    const e = document.createElement(tag);
    if (text) e.textContent = text;
    if (cls) e.className = cls;
    return e;
  };
  // mark appends text to e, each match in a mark element.
  const mark = (e, text, re) => {
    let from = 0, m;
    re.lastIndex = 0;
    while ((m = re.exec(text))) {
      if (!m[0]) { re.lastIndex++; continue; }
      e.append(text.slice(from, m.index), el("mark", m[0]));
      from = re.lastIndex;
    }
    e.append(text.slice(from));
    return e;
  };

  const expand = open => {
    list.hidden = !open;
    input.setAttribute("aria-expanded", open);
  };
  const choose = i => {
    active = i;
    shown.forEach((a, j) => a.setAttribute("aria-selected", j === i));
    if (i < 0) return input.removeAttribute("aria-activedescendant");
    input.setAttribute("aria-activedescendant", shown[i].id);
    shown[i].scrollIntoView({ block: "nearest" });
  };

  const show = (ix, q) => {
    last = list.dataset.q = q;
    list.textContent = "";
    shown = [];
    choose(-1);
    const found = q.trim() ? query(ix, q) : [], re = pattern(ix, q);
    shown = found.slice(0, 20).map((d, i) => {
      const doc = ix.docs[d], a = el("a"), title = mark(el("span", "", "search-title"), doc.t, re);
      a.href = doc.u;
      a.id = "search-option-" + i;
      a.tabIndex = -1;
      a.setAttribute("role", "option");
      if (doc.h) title.append(" › ", mark(el("span"), doc.h, re));
      a.append(title);
      if (doc.k) a.append(el("span", doc.k, "search-section"));
      a.append(mark(el("p"), passage(doc.x || "", re), re));
      list.append(a);
      return a;
    });
    choose(-1);
    expand(shown.length > 0);
    status.textContent = !q.trim() ? "" : found.length ? data(found.length === 1 ? "result" : "results").replace("%d", found.length) : data("none");
  };

  const run = then => {
    const q = input.value;
    clearTimeout(timer);
    load().then(ix => {
      if (input.value !== q) return;
      if (last !== q) show(ix, q);
      if (then) then();
    }, () => { status.textContent = data("failed"); });
  };

  // The roles come with the behaviour: without it, a form and a list.
  for (const [k, v] of [["role", "combobox"], ["aria-controls", list.id], ["aria-autocomplete", "list"], ["aria-keyshortcuts", "/"]]) input.setAttribute(k, v);
  list.setAttribute("role", "listbox");
  list.setAttribute("aria-label", list.dataset.label);
  expand(false);
  input.addEventListener("input", () => { clearTimeout(timer); timer = setTimeout(run, 120); });
  input.addEventListener("focus", () => { load(); expand(shown.length > 0); });
  // The results drop down over the page: folded away when focus leaves
  // the search, back when it returns.
  form.addEventListener("focusout", e => { if (!form.contains(e.relatedTarget)) expand(false); });
  input.addEventListener("keydown", e => {
    const k = e.key;
    if (k === "ArrowDown" || k === "ArrowUp") {
      e.preventDefault();
      if (!shown.length) return;
      expand(true);
      choose(k === "ArrowDown" ? Math.min(active + 1, shown.length - 1) : Math.max(active - 1, -1));
    } else if (k === "Escape") {
      e.preventDefault();
      input.value = "";
      run();
    }
  });
  // Enter opens the chosen result, or the first.
  form.addEventListener("submit", e => {
    e.preventDefault();
    run(() => { if (shown.length) location.assign(shown[Math.max(active, 0)].href); });
  });
  // "/" focuses the box, unless the reader is typing elsewhere.
  document.addEventListener("keydown", e => {
    const t = e.target;
    if (e.key !== "/" || e.ctrlKey || e.metaKey || e.altKey || t.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(t.tagName)) return;
    e.preventDefault();
    input.focus();
  });
  // Arriving with a query (?q=, the form's address without JavaScript)
  // shows its results.
  const q = new URLSearchParams(location.search).get("q");
  if (q) { input.value = q; run(); }
  // For the browser tests, which hold this to the Go reference.
  window.explainerSearch = q => load().then(ix => query(ix, q).map(d => ix.docs[d].u));
  window.explainerSearch.normalize = w => load().then(ix => tokens(w).map(t => normalize(ix, t).t).join(""));
})();
