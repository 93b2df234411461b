/* Hedong Open charts. Every chart is readable without this script: its no-JS figure (the
   server-drawn SVG map, the bar list) is the page's own. The ECharts bundle (about 220 kB
   gzipped) is fetched only when it adds something: when a chart comes into view (its top in
   the upper three quarters of the window) or the reader points at, touches or tabs into it.
   The live chart (SVG renderer) is then drawn over its figure, in the same box (site.css
   .chart-live), so nothing on the page moves when it arrives. If anything fails, the figure
   stays. */
(function () {
  "use strict";
  var script = document.currentScript;
  var root = script.src.replace(/assets\/js\/charts\.js.*$/, "");
  var geoUrl = script.getAttribute("data-geo");
  var libUrl = script.getAttribute("data-echarts");
  var library = null, geography = null;

  function esc(s) {
    return String(s).replace(/[&<>"']/g, function (c) {
      return { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" }[c];
    });
  }
  function tipFormatter(p) {
    var lines = (p.data && p.data.tip) || [p.name];
    return lines.map(function (l, i) { return i === 0 ? "<strong>" + esc(l) + "</strong>" : esc(l); }).join("<br>");
  }

  function keyboardFocus(el) {
    try { return el.matches(":focus-visible"); } catch (e) { return true; }  // an older browser
  }

  function draw(el, option) {
    var fallback = el.querySelector(".chart-fallback");
    var isMapOption = option.series && option.series[0] && option.series[0].type === "map";
    if (isMapOption && el.clientWidth < 500) {  // county names stay apart on a phone
      option.series[0].data.forEach(function (d) {
        if (d.label) { d.label.fontSize = 10; d.label.lineHeight = 12; }
      });
    }
    // A reader who tabbed into the figure's links keeps the focus on the live chart.
    var focused = fallback && fallback.contains(document.activeElement);
    var live = document.createElement("div");
    live.className = "chart-live";
    el.appendChild(live);  // over the figure, the figure's size (site.css)
    var isMap = option.series && option.series[0] && option.series[0].type === "map";
    if (isMap) { option.tooltip = Object.assign({}, option.tooltip, { formatter: tipFormatter }); }
    var chart = window.echarts.init(live, null, { renderer: "svg" });
    chart.setOption(option);
    el.classList.add("is-live");  // the figure keeps its place, unseen (site.css)
    function resize() {
      // ECharts throws when resized to a zero-sized box (a collapsed container or iframe)
      if (live.clientWidth && live.clientHeight) { chart.resize(); }
    }
    // the box follows the figure: the window's width, the reader's text size
    if (window.ResizeObserver) { new ResizeObserver(resize).observe(live); } else { window.addEventListener("resize", resize); }
    if (!isMap) { return; }
    var data = option.series[0].data || [];
    // Inside another site's iframe (the embedded map) a county opens in a new tab, never
    // inside the frame; on the site itself it opens in place.
    var framed = window.self !== window.top;
    function go(item) {
      if (!item || !item.url) { return; }
      if (framed) { window.open(root + item.url, "_blank", "noopener"); } else { window.location.href = root + item.url; }
    }
    chart.on("click", function (p) { go(p.data); });
    // Keyboard: the map is one tab stop; arrows move between counties, Enter opens one.
    var index = -1;
    live.tabIndex = 0;
    live.setAttribute("role", "application");
    live.setAttribute("aria-roledescription", "map");
    function show(i) {
      index = (i + data.length) % data.length;
      chart.dispatchAction({ type: "downplay", seriesIndex: 0 });
      chart.dispatchAction({ type: "highlight", seriesIndex: 0, dataIndex: index });
      chart.dispatchAction({ type: "showTip", seriesIndex: 0, dataIndex: index });
      live.setAttribute("aria-label", (data[index].tip || [data[index].name]).join(", "));
    }
    live.addEventListener("keydown", function (e) {
      if (e.key === "ArrowRight" || e.key === "ArrowDown") { show(index + 1); e.preventDefault(); }
      else if (e.key === "ArrowLeft" || e.key === "ArrowUp") { show(index - 1); e.preventDefault(); }
      else if (e.key === "Enter" && index >= 0) { go(data[index]); e.preventDefault(); }
    });
    // Tabbing in shows the first county; a press of the mouse focuses the map too, but must not
    // redraw it under the pointer (the browser would drop that click on a county).
    live.addEventListener("focus", function () { if (index < 0 && keyboardFocus(live)) { show(0); } });
    if (focused) { live.focus(); }
  }

  function load(src) {
    return new Promise(function (resolve, reject) {
      var tag = document.createElement("script");
      tag.src = src;
      tag.onload = function () { if (window.echarts) { resolve(); } else { reject(); } };
      tag.onerror = reject;
      document.head.appendChild(tag);
    });
  }
  function echartsReady() {  // the bundle, fetched once for every chart on the page
    if (!library) {
      library = window.echarts ? Promise.resolve() : load(libUrl);
      library.catch(function () { library = null; });  // a later chart may try again
    }
    return library;
  }
  function mapReady() {  // the county outlines, fetched (in parallel with the bundle) once
    if (!geography) {
      var geo = fetch(geoUrl).then(function (r) {
        if (!r.ok) { throw new Error(r.status); }
        return r.json();
      });
      geography = Promise.all([geo, echartsReady()]).then(function (got) {
        got[0].features.forEach(function (f) { f.properties.name = f.properties.name || f.id; });
        window.echarts.registerMap("yuncheng", got[0]);
      });
      geography.catch(function () { geography = null; });
    }
    return geography;
  }

  var WAKE = ["pointerover", "touchstart", "focusin"];
  function wake(el) {
    if (el.hedongWaking) { return; }
    el.hedongWaking = true;
    var option = JSON.parse(document.getElementById(el.getAttribute("data-chart")).textContent);
    var isMap = option.series && option.series.some(function (s) { return s.type === "map"; });
    (isMap ? mapReady() : echartsReady()).then(function () {
      WAKE.forEach(function (type) { el.removeEventListener(type, onReader); });
      if (seen) { seen.unobserve(el); }
      draw(el, option);
    }).catch(function () {
      // keep the no-JS figure; the reader's next move (or scroll) tries again
      if (!el.classList.contains("is-live")) {
        el.hedongWaking = false;
        Array.prototype.forEach.call(el.querySelectorAll(".chart-live"), function (n) { n.remove(); });
      }
    });
  }
  function onReader(e) { wake(e.currentTarget); }
  var seen = window.IntersectionObserver ? new IntersectionObserver(function (entries) {
    entries.forEach(function (entry) { if (entry.isIntersecting) { wake(entry.target); } });
  }, { rootMargin: "0px 0px -25% 0px" }) : null;

  function start() {
    Array.prototype.forEach.call(document.querySelectorAll(".chart[data-chart]"), function (el) {
      WAKE.forEach(function (type) { el.addEventListener(type, onReader, { passive: true }); });
      if (seen) { seen.observe(el); } else { wake(el); }
    });
  }
  if (document.readyState === "loading") { document.addEventListener("DOMContentLoaded", start); } else { start(); }
}());
