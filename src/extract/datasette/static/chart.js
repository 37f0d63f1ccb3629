// A tiny offline line chart: one SVG polyline per council of a figure metric over time.
// Reads the canned queries `figure_metrics` and `figure_series` from the first database.
// All text goes in through textContent, so nothing from the data is parsed as HTML.
(function () {
  "use strict";
  var SVG = "http://www.w3.org/2000/svg";
  var COLOURS = ["#1f77b4", "#d62728", "#2ca02c", "#9467bd", "#ff7f0e", "#8c564b",
                 "#e377c2", "#7f7f7f", "#bcbd22", "#17becf"];
  var W = 760, H = 360, PAD = {left: 60, right: 200, top: 20, bottom: 40};
  var status = document.getElementById("chart-status");
  var dbPath = null;

  function el(name, attrs, text) {
    var node = document.createElementNS(SVG, name);
    Object.keys(attrs || {}).forEach(function (k) { node.setAttribute(k, attrs[k]); });
    if (text !== undefined) { node.textContent = text; }
    return node;
  }

  function getJSON(url) {
    return fetch(url, {credentials: "same-origin"}).then(function (r) {
      if (!r.ok) { throw new Error(url + ": HTTP " + r.status); }
      return r.json();
    });
  }

  function time(published) {
    // "2019", "2019-06" and "2019-06-30" all become a day number.
    var parts = String(published).split("-");
    return Date.UTC(+parts[0], (+parts[1] || 1) - 1, +parts[2] || 1) / 86400000;
  }

  function scale(d0, d1, r0, r1) {
    var span = (d1 - d0) || 1;
    return function (v) { return r0 + (v - d0) / span * (r1 - r0); };
  }

  function draw(rows) {
    var box = document.getElementById("chart");
    box.textContent = "";
    var svg = el("svg", {viewBox: "0 0 " + W + " " + H, role: "img",
                         "aria-label": "figure over time by council"});
    box.appendChild(svg);
    if (!rows.length) { status.textContent = "No figures for this metric."; return; }
    var xs = rows.map(function (r) { return time(r.published); });
    var ys = rows.map(function (r) { return +r.value; });
    var x = scale(Math.min.apply(null, xs), Math.max.apply(null, xs), PAD.left, W - PAD.right);
    var y = scale(Math.min(0, Math.min.apply(null, ys)), Math.max.apply(null, ys),
                  H - PAD.bottom, PAD.top);
    svg.appendChild(el("line", {x1: PAD.left, y1: H - PAD.bottom, x2: W - PAD.right,
                                y2: H - PAD.bottom, "class": "axis"}));
    svg.appendChild(el("line", {x1: PAD.left, y1: PAD.top, x2: PAD.left, y2: H - PAD.bottom,
                                "class": "axis"}));
    var sorted = rows.slice().sort(function (a, b) { return time(a.published) - time(b.published); });
    svg.appendChild(el("text", {x: PAD.left, y: H - 15}, sorted[0].published));
    svg.appendChild(el("text", {x: W - PAD.right, y: H - 15, "text-anchor": "end"},
                       sorted[sorted.length - 1].published));
    svg.appendChild(el("text", {x: PAD.left - 6, y: PAD.top + 4, "text-anchor": "end"},
                       String(Math.max.apply(null, ys))));
    svg.appendChild(el("text", {x: PAD.left - 6, y: H - PAD.bottom, "text-anchor": "end"},
                       String(Math.min(0, Math.min.apply(null, ys)))));
    var councils = {};
    sorted.forEach(function (r) { (councils[r.publisher] = councils[r.publisher] || []).push(r); });
    Object.keys(councils).sort().forEach(function (name, i) {
      var colour = COLOURS[i % COLOURS.length];
      var pts = councils[name].map(function (r) { return x(time(r.published)) + "," + y(+r.value); });
      var series = el("g", {"class": "series", "data-council": name});
      series.appendChild(el("polyline", {points: pts.join(" "), fill: "none", stroke: colour,
                                         "stroke-width": 2}));
      councils[name].forEach(function (r) {
        var dot = el("circle", {cx: x(time(r.published)), cy: y(+r.value), r: 4, fill: colour});
        dot.appendChild(el("title", {}, name + " " + r.published + ": " + r.value +
                                        (r.unit ? " " + r.unit : "") + " — " + (r.text || "")));
        series.appendChild(dot);
      });
      svg.appendChild(series);
      svg.appendChild(el("rect", {x: W - PAD.right + 12, y: PAD.top + i * 18, width: 10,
                                  height: 10, fill: colour}));
      svg.appendChild(el("text", {x: W - PAD.right + 28, y: PAD.top + i * 18 + 9,
                                  "class": "legend"}, name || "(unknown council)"));
    });
    status.textContent = rows.length + " figures from " + Object.keys(councils).length +
                         " councils.";
    table(sorted);
  }

  function table(rows) {
    var t = document.getElementById("chart-table");
    t.textContent = "";
    var head = t.insertRow();
    ["published", "council", "value", "unit", "as written"].forEach(function (h) {
      var th = document.createElement("th"); th.textContent = h; head.appendChild(th);
    });
    rows.forEach(function (r) {
      var tr = t.insertRow();
      [r.published, r.publisher, r.value, r.unit, r.text].forEach(function (v) {
        tr.insertCell().textContent = v === null || v === undefined ? "" : String(v);
      });
    });
  }

  function load() {
    var metric = document.getElementById("metric").value;
    var council = document.getElementById("council").value;
    status.textContent = "Loading…";
    var url = dbPath + "/figure_series.json?_shape=array&_size=max&metric=" +
              encodeURIComponent(metric) + "&council=" + encodeURIComponent(council);
    getJSON(url).then(draw).catch(function (e) { status.textContent = String(e); });
  }

  function start(databases) {
    var db = databases.filter(function (d) { return d.name !== "_internal"; })[0];
    if (!db) { status.textContent = "No database is being served."; return; }
    dbPath = "/" + encodeURIComponent(db.name);
    return getJSON(dbPath + "/figure_metrics.json?_shape=array").then(function (metrics) {
      var select = document.getElementById("metric");
      var wanted = new URLSearchParams(window.location.search).get("metric");
      metrics.forEach(function (m) {
        var option = document.createElement("option");
        option.value = m.metric; option.textContent = m.metric + " (" + m.figures + ")";
        if (m.metric === wanted) { option.selected = true; }
        select.appendChild(option);
      });
      if (!metrics.length) { status.textContent = "No figures in this database."; return; }
      load();
    });
  }

  document.getElementById("chart-form").addEventListener("submit", function (e) {
    e.preventDefault(); load();
  });
  getJSON("/-/databases.json").then(start).catch(function (e) { status.textContent = String(e); });
})();
