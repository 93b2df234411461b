/* The 404 page is served at any address under the site, so relative links would be wrong.
   Find the site's root (the first candidate where assets/css/site.css answers as CSS: the root
   the site script remembered, the part before /zh/ or /en/, then each parent folder), load the
   styles from there and point the links at it. Inlined into 404.html; allowed by its hash in
   the Content-Security-Policy (generator/hosting.py). */
(function () {
  "use strict";
  var path = window.location.pathname, tried = [];
  function add(root) { if (root && tried.indexOf(root) < 0 && path.indexOf(root) === 0) { tried.push(root); } }
  try { add(window.localStorage.getItem("hedong-root")); } catch (e) { /* private mode */ }
  var lang = /^(.*?\/)(?:zh|en)\//.exec(path);
  if (lang) { add(lang[1]); }
  var dirs = path.slice(0, path.lastIndexOf("/") + 1).split("/");
  for (var i = dirs.length - 1; i >= 1; i -= 1) { add(dirs.slice(0, i).join("/") + "/"); }
  function links(root) {
    document.querySelectorAll("a[data-root-path]").forEach(function (a) {
      a.href = root + a.getAttribute("data-root-path");
    });
    document.documentElement.setAttribute("data-root", root);
  }
  function use(root) {
    var css = document.createElement("link");
    css.rel = "stylesheet";
    css.href = root + "assets/css/site.css";
    document.head.appendChild(css);
    if (document.readyState === "loading") {
      document.addEventListener("DOMContentLoaded", function () { links(root); });
    } else { links(root); }
  }
  function probe(n) {
    if (n >= tried.length) { return; }
    fetch(tried[n] + "assets/css/site.css", { method: "HEAD", cache: "no-store" }).then(function (r) {
      if (r.ok && (r.headers.get("content-type") || "").indexOf("css") >= 0) { use(tried[n]); } else { probe(n + 1); }
    }, function () { probe(n + 1); });
  }
  probe(0);
}());
