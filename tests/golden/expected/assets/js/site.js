/* Hedong Open site script: progressive enhancements only; every page works without it. */
(function () {
  "use strict";
  var doc = document.documentElement;
  doc.classList.add("js");
  var store = {
    get: function (k) { try { return window.localStorage.getItem(k); } catch (e) { return null; } },
    set: function (k, v) { try { window.localStorage.setItem(k, v); } catch (e) { /* private mode */ } }
  };

  // Large-type reading mode (适老化): a persistent switch on every page.
  if (store.get("hedong-large") === "1") { doc.classList.add("large-type"); }
  function initLargeType() {
    var button = document.querySelector(".large-type-toggle");
    if (!button) { return; }
    button.hidden = false;
    button.setAttribute("aria-pressed", doc.classList.contains("large-type") ? "true" : "false");
    button.addEventListener("click", function () {
      var on = !doc.classList.contains("large-type");
      doc.classList.toggle("large-type", on);
      button.setAttribute("aria-pressed", on ? "true" : "false");
      store.set("hedong-large", on ? "1" : "0");
    });
  }

  // The language switch keeps the paragraph: carry the #fragment to the other language.
  function initLangSwitch() {
    document.querySelectorAll("a.lang-link").forEach(function (a) {
      a.addEventListener("click", function () {
        var lang = a.getAttribute("hreflang") === "en" ? "en" : "zh";
        store.set("hedong-lang", lang);
        if (window.location.hash && a.getAttribute("href").indexOf("#") < 0) {
          a.setAttribute("href", a.getAttribute("href") + window.location.hash);
        }
      });
    });
    document.querySelectorAll("a[data-lang-choice]").forEach(function (a) {
      a.addEventListener("click", function () { store.set("hedong-lang", a.getAttribute("data-lang-choice")); });
    });
  }

  // The root chooser remembers the reader's language (?choose shows it again).
  function initChooser() {
    if (!document.body.classList.contains("chooser")) { return; }
    if (/[?&]choose\b/.test(window.location.search)) { return; }
    var lang = store.get("hedong-lang");
    var link = lang && document.querySelector('a[data-lang-choice="' + lang + '"]');
    if (link) { window.location.replace(link.href); }
  }

  // Commitment filters: instant, reflected in the URL so a filtered view can be linked.
  function initFilters() {
    var form = document.getElementById("filters");
    if (!form) { return; }
    var rows = Array.prototype.slice.call(document.querySelectorAll(".target-row"));
    var groups = Array.prototype.slice.call(document.querySelectorAll(".target-group"));
    var count = document.getElementById("filter-count");
    var none = document.getElementById("filter-none");
    var fields = ["section", "theme", "status", "county", "sort"];
    var params = new URLSearchParams(window.location.search);
    fields.forEach(function (f) {
      var el = form.elements[f];
      if (el && params.get(f)) { el.value = params.get(f); }
    });
    function apply(push) {
      var v = {};
      fields.forEach(function (f) { v[f] = form.elements[f] ? form.elements[f].value : ""; });
      var shown = 0;
      rows.forEach(function (row) {
        var ok = (!v.section || row.dataset.section === v.section) &&
          (!v.theme || row.dataset.theme === v.theme) &&
          (!v.status || row.dataset.status === v.status) &&
          (!v.county || row.dataset.counties.split(" ").some(function (c) { return c === v.county || c === "all"; }));
        row.hidden = !ok;
        if (ok) { shown += 1; }
      });
      groups.forEach(function (g) {
        var list = g.querySelector(".target-list");
        if (!list) { return; }
        var items = Array.prototype.slice.call(list.children);
        var key = v.sort === "deadline" ? "deadline" : v.sort === "updated" ? "updated" : "order";
        items.sort(function (a, b) {
          var x = a.dataset[key] || "", y = b.dataset[key] || "";
          if (key === "order") { return Number(x) - Number(y); }
          if (key === "updated") { return x < y ? 1 : x > y ? -1 : Number(a.dataset.order) - Number(b.dataset.order); }
          return x < y ? -1 : x > y ? 1 : Number(a.dataset.order) - Number(b.dataset.order);
        });
        items.forEach(function (it) { list.appendChild(it); });
        g.hidden = !items.some(function (it) { return !it.hidden; });
      });
      if (count) { count.textContent = count.dataset.template ? count.dataset.template.replace("{n}", shown) : String(shown); }
      if (none) { none.hidden = shown > 0; }
      if (push) {
        var q = new URLSearchParams();
        fields.forEach(function (f) { if (v[f]) { q.set(f, v[f]); } });
        var s = q.toString();
        window.history.replaceState(null, "", window.location.pathname + (s ? "?" + s : ""));
      }
    }
    form.addEventListener("change", function () { apply(true); });
    form.addEventListener("submit", function (e) { e.preventDefault(); apply(true); });
    apply(false);
  }

  // "Cite this": a copy button over text that is always selectable.
  function initCopy() {
    document.querySelectorAll("[data-copy-target]").forEach(function (button) {
      var source = document.getElementById(button.getAttribute("data-copy-target"));
      if (!source || !navigator.clipboard) { return; }
      button.hidden = false;
      button.addEventListener("click", function () {
        navigator.clipboard.writeText(source.innerText.trim()).then(function () {
          var done = button.getAttribute("data-done");
          var label = button.textContent;
          button.textContent = done;
          window.setTimeout(function () { button.textContent = label; }, 2000);
        });
      });
    });
  }

  // Citations name the page's real address (the build may not know the public host).
  function initPageUrl() {
    document.querySelectorAll("[data-page-url]").forEach(function (el) {
      el.textContent = window.location.origin + window.location.pathname;
    });
  }

  function init() { initPageUrl(); initLargeType(); initLangSwitch(); initChooser(); initFilters(); initCopy(); }
  if (document.readyState === "loading") { document.addEventListener("DOMContentLoaded", init); } else { init(); }
}());
