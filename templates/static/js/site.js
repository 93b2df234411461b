/* Hedong Open site script: progressive enhancements only; every page works without it. */
(function () {
  "use strict";
  var doc = document.documentElement;
  doc.classList.add("js");
  var store = {
    get: function (k) { try { return window.localStorage.getItem(k); } catch (e) { return null; } },
    set: function (k, v) { try { window.localStorage.setItem(k, v); } catch (e) { /* private mode */ } }
  };

  // The site's root, remembered for the 404 page (a host serves it at any address, so it has
  // to find the root again: templates/notfound.js).
  var me = document.currentScript;
  if (me && me.src) { store.set("hedong-root", new URL(me.src.replace(/assets\/js\/site\.js.*$/, "")).pathname); }

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

  // The language switch keeps the reader's place: the query (filters, search terms) and the
  // #fragment (a paragraph of the report) go to the other language too.
  function syncLangLinks() {
    document.querySelectorAll("a.lang-link[data-page]").forEach(function (a) {
      a.setAttribute("href", a.getAttribute("data-page") + window.location.search + window.location.hash);
    });
  }
  function initLangSwitch() {
    document.querySelectorAll("a.lang-link").forEach(function (a) {
      a.setAttribute("data-page", a.getAttribute("href").split(/[?#]/)[0]);
      a.addEventListener("click", function () {
        var lang = a.getAttribute("hreflang") === "en" ? "en" : "zh";
        store.set("hedong-lang", lang);
        syncLangLinks();  // the page may have changed its own address since (filters, search)
      });
    });
    syncLangLinks();
    window.addEventListener("hashchange", syncLangLinks);
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
    // the selects work only with this script: without it the page offers the plain links
    form.querySelectorAll("[data-needs-js]").forEach(function (el) { el.hidden = false; });
    var clear = document.getElementById("filter-clear");
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
      var filtering = fields.some(function (f) { return f !== "sort" && v[f]; });
      groups.forEach(function (g) {
        var lists = Array.prototype.slice.call(g.querySelectorAll(".target-list"));
        var visible = false;
        lists.forEach(function (list) {
        var items = Array.prototype.slice.call(list.children);
        var key = v.sort === "deadline" ? "deadline" : v.sort === "updated" ? "updated" : "order";
        items.sort(function (a, b) {
          var x = a.dataset[key] || "", y = b.dataset[key] || "";
          if (key === "order") { return Number(x) - Number(y); }
          if (key === "updated") { return x < y ? 1 : x > y ? -1 : Number(a.dataset.order) - Number(b.dataset.order); }
          return x < y ? -1 : x > y ? 1 : Number(a.dataset.order) - Number(b.dataset.order);
        });
        // rows move only when the order changes (on load the page is already in report order)
        if (items.some(function (it, i) { return it !== list.children[i]; })) {
          items.forEach(function (it) { list.appendChild(it); });
        }
        var any = items.some(function (it) { return !it.hidden; });
        visible = visible || any;
        // a filter that matches commitments in a collapsed group opens it
        var quiet = list.parentNode.classList.contains("quiet-group") ? list.parentNode : null;
        if (quiet) { quiet.hidden = !any; if (filtering && any) { quiet.open = true; } }
        });
        g.hidden = !visible;
      });
      if (count) { count.textContent = count.dataset.template ? count.dataset.template.replace("{n}", shown) : String(shown); }
      if (none) { none.hidden = shown > 0; }
      if (clear) { clear.hidden = !fields.some(function (f) { return v[f]; }); }
      if (push) {
        var q = new URLSearchParams();
        fields.forEach(function (f) { if (v[f]) { q.set(f, v[f]); } });
        var s = q.toString();
        window.history.replaceState(null, "", window.location.pathname + (s ? "?" + s : "") + window.location.hash);
        syncLangLinks();
      }
    }
    if (clear) {
      clear.addEventListener("click", function () {
        fields.forEach(function (f) { if (form.elements[f]) { form.elements[f].value = ""; } });
        apply(true);
        form.elements[fields[0]].focus();
      });
    }
    form.addEventListener("change", function () { apply(true); });
    form.addEventListener("submit", function (e) { e.preventDefault(); apply(true); });
    apply(false);
  }

  // "Cite this" and embed codes: a copy button over text that is always selectable. What is
  // copied is the text as shown: parts left hidden (an access date without script) are not.
  function shownText(el) {
    var copy = el.cloneNode(true);
    copy.querySelectorAll("[hidden]").forEach(function (h) { h.remove(); });
    return copy.textContent.trim();
  }
  function initCopy() {
    document.querySelectorAll("[data-copy-target]").forEach(function (button) {
      var source = document.getElementById(button.getAttribute("data-copy-target"));
      if (!source || !navigator.clipboard) { return; }
      button.hidden = false;
      button.addEventListener("click", function () {
        navigator.clipboard.writeText(shownText(source)).then(function () {
          var done = button.getAttribute("data-done");
          var label = button.textContent;
          button.textContent = done;
          window.setTimeout(function () { button.textContent = label; }, 2000);
        });
      });
    });
  }

  // Citations and embed codes name full addresses. Without base_url the build does not know the
  // public address, so relative ones are resolved here against the page's own address; and
  // the access date is today's (the reader's calendar day).
  function today(lang) {
    var d = new Date();
    if (lang !== "zh" && window.Intl) {
      return new Intl.DateTimeFormat("en-GB", { day: "numeric", month: "long", year: "numeric" }).format(d);
    }
    function two(n) { return (n < 10 ? "0" : "") + n; }
    return d.getFullYear() + "-" + two(d.getMonth() + 1) + "-" + two(d.getDate());
  }
  function initAddresses() {
    var lang = doc.lang.indexOf("zh") === 0 ? "zh" : "en";
    document.querySelectorAll("[data-abs-url]").forEach(function (el) {
      el.textContent = new URL(el.getAttribute("data-abs-url"), window.location.href).href;
    });
    document.querySelectorAll("[data-accessed]").forEach(function (el) {
      el.textContent = el.getAttribute("data-accessed").replace("{date}", today(lang));
      el.hidden = false;
    });
    document.querySelectorAll("[data-nojs-note]").forEach(function (el) { el.hidden = true; });
  }

  // The phone menu is a <details> (it works without this): Escape closes it again.
  function initMenu() {
    var menu = document.querySelector("details.menu");
    if (!menu) { return; }
    document.addEventListener("keydown", function (e) {
      if (e.key !== "Escape" || !menu.open) { return; }
      var panel = menu.nextElementSibling;
      var inside = menu.contains(document.activeElement) || (panel && panel.contains(document.activeElement));
      menu.open = false;
      if (inside) { menu.querySelector("summary").focus(); }
    });
  }

  function init() { initAddresses(); initMenu(); initLargeType(); initLangSwitch(); initChooser(); initFilters(); initCopy(); }
  if (document.readyState === "loading") { document.addEventListener("DOMContentLoaded", init); } else { init(); }
}());
