/* Search: Pagefind (built at build time, served from this site), read so that a reader's own
   words find the commitment.

   - Only commitment pages, and the names of the report's parts and of the counties, are in the
     index (data-pagefind-body in the templates); commitments are listed first, with their
     status badge; parts and county pages follow in a separate short list.
   - Chinese: Pagefind splits the query into words, and a word it does not know falls back to its
     first character (高铁 → every page with a word starting with 高). So every Chinese word of the
     query (runs of single characters joined back together: 永|济 → 永济) must appear whole in
     the page's indexed text, or the page is dropped.
   - A county's name in the query ("永济 学校", "schools in Yongji") also finds the commitments
     that concern that county without naming it: the rest of the query is searched again among
     the commitments of that county and the city-wide ones (Pagefind filter "county").
   - On the English site a query with Chinese characters searches the Chinese index (merged into
     the same Pagefind instance) and shows the English page of each commitment found.
   - A large site with several reports has one index per report (generator/search.py): the
     newest report's is searched unless the reader picks another report, or all (their
     indexes merged); a new pick loads the page again, with that pick in its address.
   Results are built as DOM nodes; only Pagefind's <mark> highlights are kept from excerpts. */
(function () {
  "use strict";
  var script = document.currentScript;
  var root = new URL(script.getAttribute("data-root"), window.location.href);
  var lang = script.getAttribute("data-lang") === "en" ? "en" : "zh";
  var form = document.querySelector(".search-page-form");
  var input = document.getElementById("search-q");
  var reportPick = document.getElementById("search-report"); // only when the site has several reports
  var status = document.getElementById("search-status");
  var list = document.getElementById("search-results");
  var moreRow = document.getElementById("search-more-row");
  var more = document.getElementById("search-more");
  var none = document.getElementById("search-none");
  var countyRow = document.getElementById("search-county");
  var pagesBlock = document.getElementById("search-pages-block");
  var pagesList = document.getElementById("search-pages");
  var badges = document.getElementById("search-badges").content;
  var data = JSON.parse(document.getElementById("search-data").textContent);
  var counties = data.counties;
  // The search indexes, [folder, report id], newest report first: one for the whole site,
  // or, on a large site, one per report; then the reader searches one report (the newest
  // unless another is picked) or all, whose indexes are merged (more to download).
  var indexes = data.indexes;
  var split = indexes.length > 1;

  var PAGE = 20; // commitments shown at a time
  var BATCH = 10; // result fragments fetched at once
  var MAX_PAGES = 5; // parts of the report and county pages listed after the commitments
  var RANKING = { termSimilarity: 2 }; // "高标准" before "高标准农田建设" before "高新…"
  var CJK = /[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]/;
  var TARGET_URL = /\/targets\/[a-z0-9-]+\/$/;
  // Words that only carry grammar in a reader's question; dropped unless nothing else is left.
  var STOP = {
    en: " a an the in of for to on at and or with about from by near my our is are was were be been what where which who how when does do did will has have this that there its it any all ",
    zh: " 的 了 在 和 与 及 跟 吗 呢 啊 吧 是 有 哪些 哪里 什么 怎么 怎么样 如何 情况 进展 "
  };

  var pagefind = null;
  var zhMerged = null;
  var run = 0;
  var state = null;

  // --- counties named in a query ---------------------------------------------------------------

  // Every way a reader may write a county: 永济市 / 永济, Yongji City / Yongji.
  var aliases = [];
  counties.forEach(function (c) {
    c.names.forEach(function (name) {
      var plain = name.replace(/\s*\([^)]*\)/g, "").trim().toLowerCase();
      var forms = [plain];
      if (CJK.test(plain) && plain.length >= 3 && /[市县区]$/.test(plain)) {
        forms.push(plain.slice(0, -1));
      }
      var bare = plain.replace(/\s+(county|district|city)$/, "");
      if (bare !== plain) { forms.push(bare); }
      forms.forEach(function (form) { aliases.push({ text: form, county: c }); });
    });
  });
  aliases.sort(function (a, b) { return b.text.length - a.text.length; });

  function escapeRe(text) { return text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&"); }

  function findCounties(query) {
    var rest = query.toLowerCase();
    var found = [];
    aliases.forEach(function (alias) {
      var re = CJK.test(alias.text) ? new RegExp(escapeRe(alias.text), "g")
        : new RegExp("(^|[^a-z0-9])" + escapeRe(alias.text) + "(?![a-z0-9])", "g");
      if (re.test(rest)) {
        rest = rest.replace(re, function (m, lead) { return (typeof lead === "string" ? lead : "") + " "; });
        if (found.indexOf(alias.county) < 0) { found.push(alias.county); }
      }
    });
    return { counties: found, rest: rest };
  }

  // --- the words of a query ----------------------------------------------------------------------

  // Chinese: the browser's word segmenter (the one Pagefind uses), single characters in a row
  // joined back into one word, grammar words dropped. Other scripts: split at non-letters.
  function words(text) {
    var out = [];
    var stop = CJK.test(text) ? STOP.zh : STOP.en;
    var pieces = [];
    if (CJK.test(text) && typeof Intl !== "undefined" && Intl.Segmenter) {
      var segmenter = new Intl.Segmenter("zh", { granularity: "word" });
      Array.from(segmenter.segment(text)).forEach(function (s) {
        pieces.push(s.isWordLike ? s.segment.toLowerCase() : null);
      });
    } else {
      text.toLowerCase().split(/[^\p{L}\p{N}]+/u).forEach(function (w) { pieces.push(w || null); });
    }
    var kept = pieces.filter(function (p) { return p && stop.indexOf(" " + p + " ") < 0; });
    if (!kept.length) { kept = pieces.filter(Boolean); }
    var single = false;
    pieces.forEach(function (p) {
      if (!p || kept.indexOf(p) < 0) { single = false; return; }
      var one = CJK.test(p) && Array.from(p).length === 1;
      if (one && single) { out[out.length - 1] += p; } else { out.push(p); }
      single = one;
    });
    return out;
  }

  // What was typed, as whole phrases: runs of Chinese characters, and the other words.
  function phrases(text) {
    var runs = text.toLowerCase().match(/[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]+/g) || [];
    var latin = text.replace(/[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]+/g, " ");
    return runs.filter(function (r) { return STOP.zh.indexOf(" " + r + " ") < 0; })
      .concat(latin.trim() ? words(latin) : []);
  }

  // Does the page's indexed text hold every Chinese word of the query, whole?
  function holdsAll(data, required) {
    var text = [data.content, data.meta && data.meta.title].join(" ");
    return required.every(function (w) { return text.indexOf(w) >= 0; });
  }

  // --- Pagefind --------------------------------------------------------------------------------

  // The folders of the indexes this page searches (a new pick of report loads the page again).
  function chosen() {
    var pick = reportPick ? reportPick.value : "";
    var one = indexes.filter(function (i) { return split && String(i[1]) === pick; });
    return (one.length ? one : indexes).map(function (i) { return new URL(i[0], root).href; });
  }

  function load() {
    if (!pagefind) {
      var folders = chosen();
      pagefind = import(folders[0] + "pagefind.js").then(function (pf) {
        var options = { baseUrl: root.pathname, ranking: RANKING };
        // On the English site the Chinese index may be merged in later: each index then tags
        // its own pages so that one search can ask for one language only.
        if (lang === "en") { options.mergeFilter = { lang: "en" }; }
        return pf.options(options).then(function () {
          return Promise.all(folders.slice(1).map(function (folder) {
            var more = { baseUrl: root.pathname, ranking: RANKING };
            if (lang === "en") { more.mergeFilter = { lang: "en" }; }
            return pf.mergeIndex(folder, more);
          }));
        }).then(function () { return pf; });
      });
    }
    return pagefind;
  }

  function withChinese(pf) {
    if (lang === "zh") { return Promise.resolve(pf); }
    if (!zhMerged) {
      // Same bundles, other language: given as absolute URLs, which Pagefind 1.6 does not
      // mistake for the primary index's own path (that one it would skip).
      zhMerged = Promise.all(chosen().map(function (folder) {
        return pf.mergeIndex(folder, {
          language: "zh-hans",
          baseUrl: root.pathname,
          mergeFilter: { lang: "zh" },
          ranking: RANKING
        });
      })).then(function () { return pf; });
    }
    return zhMerged;
  }

  function search(pf, terms, filters) {
    if (!terms.length) { return Promise.resolve([]); }
    return pf.search(terms.join(" "), { filters: filters }).then(function (s) { return s.results; });
  }

  // --- showing results -------------------------------------------------------------------------

  function excerpt(html, into) {
    var doc = new DOMParser().parseFromString("<p>" + html + "</p>", "text/html");
    doc.body.firstChild.childNodes.forEach(function (node) {
      if (node.nodeName === "MARK") {
        var m = document.createElement("mark");
        m.textContent = node.textContent;
        into.appendChild(m);
      } else {
        into.appendChild(document.createTextNode(node.textContent));
      }
    });
  }

  // Text with every occurrence of the given words in <mark>.
  function marked(text, terms, into) {
    var list = terms.filter(Boolean).sort(function (x, y) { return y.length - x.length; }).map(escapeRe);
    var parts = list.length ? text.split(new RegExp("(" + list.join("|") + ")", "gi")) : [text];
    parts.forEach(function (part, i) {
      if (!part) { return; }
      if (i % 2) {
        var m = document.createElement("mark");
        m.textContent = part;
        into.appendChild(m);
      } else {
        into.appendChild(document.createTextNode(part));
      }
    });
  }

  // The page in this site's language: a Chinese result shown on the English site links to
  // the English page of the same commitment.
  function localUrl(url) {
    var zh = root.pathname + "zh/";
    if (lang === "en" && url.indexOf(zh) === 0) { return root.pathname + "en/" + url.slice(zh.length); }
    return url;
  }

  function first(values) { return values && values.length ? values[0] : ""; }

  function addCommitment(d, fromZh, chinese) {
    var li = document.createElement("li");
    var h = document.createElement("h2");
    var a = document.createElement("a");
    a.href = localUrl(d.url);
    a.textContent = (fromZh && d.meta.title_en) || d.meta.title || d.url;
    h.appendChild(a);
    li.appendChild(h);
    var meta = document.createElement("p");
    meta.className = "result-meta";
    var code = first(d.filters && d.filters.status);
    var badge = code && badges.querySelector(".badge.status-" + code);
    if (badge) { meta.appendChild(badge.cloneNode(true)); }
    var year = first(d.filters && d.filters.report);
    if (year && reportPick) {
      var when = document.createElement("span");
      when.className = "result-report";
      when.textContent = reportPick.dataset.label.replace("{year}", year);
      meta.appendChild(when);
    }
    var theme = data.themes[first(d.filters && d.filters.theme)];
    if (theme) {
      var span = document.createElement("span");
      span.className = "result-theme";
      span.textContent = theme;
      meta.appendChild(span);
    }
    li.appendChild(meta);
    var p = document.createElement("p");
    var title = (d.meta.title || "").toLowerCase();
    if (d.meta.quote && chinese) {
      // the report's own words, with the words of the query marked
      p.className = "result-quote";
      p.lang = "zh-Hans";
      marked(d.meta.quote, state.look.terms.concat(state.look.phrases), p);
      li.appendChild(p);
    } else if (!state.look.terms.every(function (w) { return title.indexOf(w) >= 0; })) {
      // the words matched elsewhere than in the title (keywords, theme, county): show where
      p.className = "result-excerpt";
      excerpt(d.excerpt || "", p);
      li.appendChild(p);
    }
    list.appendChild(li);
  }

  function addPage(d) {
    var li = document.createElement("li");
    var a = document.createElement("a");
    a.href = localUrl(d.url);
    a.textContent = (d.meta && d.meta.title) || d.url;
    li.appendChild(a);
    pagesList.appendChild(li);
    pagesBlock.hidden = false;
  }

  function say() {
    var n = state.shown;
    var done = state.next >= state.candidates.length;
    moreRow.hidden = done;
    none.hidden = n > 0;
    if (!done) {
      status.textContent = status.dataset.first.replace("{n}", n);
    } else if (n === 1) {
      status.textContent = status.dataset.one;
    } else {
      status.textContent = n ? status.dataset.results.replace("{n}", n) : status.dataset.none;
    }
  }

  // How closely a page matches what was typed: every phrase whole in its title, then in its
  // indexed text, then every word in its title (Pagefind's order breaks ties). Pagefind ranks
  // words one by one, and the browser cuts 中小学 into 中|小学, so 圣惠小学 in 中心城区 would
  // otherwise come before 公办中小学.
  function closeness(d, look) {
    var title = (d.meta.title || "").toLowerCase();
    var text = (d.content || "").toLowerCase();
    function all(list, s) {
      return list.length > 0 && list.every(function (w) { return s.indexOf(w) >= 0; });
    }
    return (all(look.phrases, title) ? 4 : 0) + (all(look.phrases, text) ? 2 : 0) +
      (all(look.terms, title) ? 1 : 0);
  }

  // Fetch results in small batches until another PAGE commitments pass, or none are left;
  // then show them, closest first.
  function fill(mine) {
    var found = [];
    function step() {
      if (mine !== run || found.length >= PAGE || state.next >= state.candidates.length) {
        return Promise.resolve();
      }
      var batch = state.candidates.slice(state.next, state.next + BATCH);
      state.next += batch.length;
      return Promise.all(batch.map(function (c) { return c.result.data(); })).then(function (data) {
        if (mine !== run) { return; }
        data.forEach(function (d, i) {
          if (!holdsAll(d, batch[i].required)) { return; }
          if (TARGET_URL.test(d.url)) {
            found.push({ data: d, order: found.length, close: closeness(d, state.look) });
          } else if (state.pages < MAX_PAGES && !state.pageUrls[d.url]) {
            // a county's page is in every report's index: listed once
            state.pageUrls[d.url] = true;
            state.pages += 1;
            addPage(d);
          }
        });
        return step();
      });
    }
    return step().then(function () {
      if (mine !== run) { return; }
      found.sort(function (a, b) { return (b.close - a.close) || (a.order - b.order); });
      found.forEach(function (f) { addCommitment(f.data, state.fromZh, state.chinese); });
      state.shown += found.length;
      say();
    });
  }

  function showCounty(found) {
    countyRow.hidden = !found.length;
    if (found.length) {
      var a = countyRow.querySelector("a");
      a.href = new URL(found[0].url, window.location.href).href;
      a.textContent = countyRow.dataset.text.replace("{county}", found[0].name);
    }
  }

  function reset() {
    list.textContent = "";
    pagesList.textContent = "";
    pagesBlock.hidden = true;
    moreRow.hidden = true;
    none.hidden = true;
    countyRow.hidden = true;
  }

  function query(q) {
    var mine = ++run;
    reset();
    if (!q) { status.textContent = ""; return Promise.resolve(); }
    status.textContent = status.dataset.loading;
    var chinese = lang === "zh" || CJK.test(q);
    var named = findCounties(q);
    var all = words(q);
    var rest = words(named.rest);
    var required = all.filter(function (w) { return CJK.test(w); });
    var ready = load().then(function (pf) { return chinese ? withChinese(pf) : pf; });
    return ready.then(function (pf) {
      var base = lang === "en" ? { lang: chinese ? "zh" : "en" } : {};
      if (reportPick && reportPick.value && !split) { base.report = reportPick.value; }
      var asTyped = search(pf, all, base);
      var inCounty = Promise.resolve([]);
      if (named.counties.length && rest.length) {
        var ids = named.counties.map(function (c) { return c.id; }).concat(["all"]);
        var filters = Object.assign({ county: { any: ids } }, base);
        inCounty = search(pf, rest, filters);
      }
      return Promise.all([asTyped, inCounty]);
    }).then(function (both) {
      if (mine !== run) { return; }
      // The query as typed first (every Chinese word whole, county names included), then
      // the county's other commitments (every Chinese word but the county's name).
      var seen = {};
      var candidates = [];
      var needs = [required, rest.filter(function (w) { return CJK.test(w); })];
      both.forEach(function (results, i) {
        results.forEach(function (r) {
          if (!seen[r.id]) {
            seen[r.id] = true;
            candidates.push({ result: r, required: needs[i] });
          }
        });
      });
      state = {
        candidates: candidates,
        next: 0,
        shown: 0,
        pages: 0,
        pageUrls: {},
        fromZh: lang === "en" && chinese,
        chinese: chinese,
        look: { phrases: phrases(named.rest), terms: all }
      };
      showCounty(named.counties);
      return fill(mine);
    }).catch(function () {
      if (mine === run) { status.textContent = status.dataset.failed; }
    });
  }

  more.addEventListener("click", function () {
    if (state) { fill(run); }
  });

  var params = new URLSearchParams(window.location.search);
  var q = params.get("q") || "";
  input.value = q;
  // The page's address for a query and the report picked ("" and the first index's report
  // are the defaults, left out).
  function address(value) {
    var kept = new URLSearchParams();
    if (value) { kept.set("q", value); }
    var pick = reportPick ? reportPick.value : "";
    if (pick && !(split && pick === String(indexes[0][1]))) { kept.set("report", pick); }
    var search = kept.toString();
    return window.location.pathname + (search ? "?" + search : "");
  }

  if (reportPick) {
    var asked = params.get("report");
    if (asked && [].some.call(reportPick.options, function (o) { return o.value === asked; })) {
      reportPick.value = asked;
    }
    reportPick.addEventListener("change", function () {
      // one index per report: another pick loads other indexes, in a fresh page
      if (split) { window.location.assign(address(input.value.trim())); } else { form.requestSubmit(); }
    });
  }
  document.querySelectorAll("#site-search").forEach(function (el) { el.value = q; });
  form.addEventListener("submit", function (e) {
    e.preventDefault();
    var value = input.value.trim();
    window.history.replaceState(null, "", address(value));
    query(value);
  });
  query(q.trim());
}());
