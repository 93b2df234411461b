/* Hedong Open charts: turn each <div class="chart"> and its JSON option into a live ECharts
   chart (SVG renderer). Without JavaScript, or if anything fails, the SVG map / table stays. */
(function () {
  "use strict";
  var script = document.currentScript;
  var root = script.src.replace(/assets\/js\/charts\.js.*$/, "");
  var geoUrl = script.getAttribute("data-geo");

  function esc(s) {
    return String(s).replace(/[&<>"']/g, function (c) {
      return { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" }[c];
    });
  }
  function tipFormatter(p) {
    var lines = (p.data && p.data.tip) || [p.name];
    return lines.map(function (l, i) { return i === 0 ? "<strong>" + esc(l) + "</strong>" : esc(l); }).join("<br>");
  }

  function draw(el, option) {
    var height = parseInt(el.getAttribute("data-height"), 10) || 460;
    var fallback = el.querySelector(".chart-fallback");
    var isMapOption = option.series && option.series[0] && option.series[0].type === "map";
    var drawn = fallback && fallback.querySelector("svg.map-svg");
    if (isMapOption && drawn && drawn.viewBox && drawn.viewBox.baseVal.width) {
      // the live map takes the drawn map's shape: no empty band above and below on a phone
      var box = drawn.viewBox.baseVal, width = el.clientWidth || box.width;
      height = Math.min(height, Math.round(width * box.height / box.width) + 16);
      if (width < 500) {  // county names stay apart on a phone
        option.series[0].data.forEach(function (d) {
          if (d.label) { d.label.fontSize = 10; d.label.lineHeight = 12; }
        });
      }
    }
    var live = document.createElement("div");
    live.className = "chart-live";
    live.style.height = height + "px";
    el.style.setProperty("--chart-h", height + "px");  // the figure is as tall as its chart
    el.appendChild(live);
    var isMap = option.series && option.series[0] && option.series[0].type === "map";
    if (isMap) { option.tooltip = Object.assign({}, option.tooltip, { formatter: tipFormatter }); }
    var chart = window.echarts.init(live, null, { renderer: "svg" });
    chart.setOption(option);
    if (fallback) { fallback.hidden = true; }
    el.classList.add("is-live");
    window.addEventListener("resize", function () {
      // ECharts throws when resized to a zero-sized box (a collapsed container or iframe)
      if (live.clientWidth && live.clientHeight) { chart.resize(); }
    });
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
    live.addEventListener("focus", function () { if (index < 0) { show(0); } });
  }

  function start() {
    if (!window.echarts) { return; }
    var charts = Array.prototype.slice.call(document.querySelectorAll(".chart[data-chart]"));
    var jobs = charts.map(function (el) {
      var data = document.getElementById(el.getAttribute("data-chart"));
      return { el: el, option: JSON.parse(data.textContent) };
    });
    var needsMap = jobs.some(function (j) { return j.option.series && j.option.series.some(function (s) { return s.type === "map"; }); });
    var ready = needsMap ? fetch(geoUrl).then(function (r) { return r.json(); }).then(function (geo) {
      geo.features.forEach(function (f) { f.properties.name = f.properties.name || f.id; });
      window.echarts.registerMap("yuncheng", geo);
    }) : Promise.resolve();
    ready.then(function () { jobs.forEach(function (j) { draw(j.el, j.option); }); })
      .catch(function () { /* keep the no-JS figures */ });
  }
  if (document.readyState === "loading") { document.addEventListener("DOMContentLoaded", start); } else { start(); }
}());
