/* Search with Pagefind's index of this language (built at build time, served from this site).
   Results are built as DOM nodes; only Pagefind's <mark> highlights are kept from excerpts. */
(function () {
  "use strict";
  var script = document.currentScript;
  var root = new URL(script.getAttribute("data-root"), window.location.href);
  var form = document.querySelector(".search-page-form");
  var input = document.getElementById("search-q");
  var status = document.getElementById("search-status");
  var list = document.getElementById("search-results");
  var pagefind = null;

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

  function show(results) {
    list.textContent = "";
    status.textContent = results.length ? status.dataset.results.replace("{n}", results.length) : status.dataset.none;
    results.forEach(function (r) {
      var li = document.createElement("li");
      var a = document.createElement("a");
      a.href = r.url;
      a.textContent = (r.meta && r.meta.title) || r.url;
      var h = document.createElement("h2");
      h.appendChild(a);
      li.appendChild(h);
      if (r.meta && (r.meta.status || r.meta.section)) {
        var meta = document.createElement("p");
        meta.className = "muted";
        meta.textContent = [r.meta.status, r.meta.section].filter(Boolean).join(" · ");
        li.appendChild(meta);
      }
      var p = document.createElement("p");
      excerpt(r.excerpt || "", p);
      li.appendChild(p);
      list.appendChild(li);
    });
  }

  function run(q) {
    if (!q) { return; }
    status.textContent = status.dataset.loading;
    var ready = pagefind ? Promise.resolve(pagefind) :
      import(new URL("pagefind/pagefind.js", root).href).then(function (pf) {
        pagefind = pf;
        return pf.options({ baseUrl: root.pathname }).then(function () { return pf; });
      });
    ready.then(function (pf) { return pf.search(q); })
      .then(function (search) { return Promise.all(search.results.slice(0, 20).map(function (r) { return r.data(); })); })
      .then(show)
      .catch(function () { status.textContent = status.dataset.none; });
  }

  var q = new URLSearchParams(window.location.search).get("q") || "";
  input.value = q;
  document.querySelectorAll('#site-search').forEach(function (el) { el.value = q; });
  form.addEventListener("submit", function (e) {
    e.preventDefault();
    var value = input.value.trim();
    window.history.replaceState(null, "", window.location.pathname + (value ? "?q=" + encodeURIComponent(value) : ""));
    run(value);
  });
  run(q.trim());
}());
