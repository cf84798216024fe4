// The trend charts of the month and unit pages: the data is in the page (data-trend, JSON), this only draws each
// element that carries it with ECharts.
(function () {
  "use strict";
  function drawAll() {
    if (!window.echarts) { return; }
    Array.prototype.forEach.call(document.querySelectorAll("[data-trend]"), draw);
  }
  function draw(element) {
    var trend = JSON.parse(element.getAttribute("data-trend"));
    var chart = window.echarts.init(element, null, { renderer: "svg" });
    var axis = rateAxis(trend.series);
    chart.setOption({
      animation: false,
      tooltip: {
        trigger: "axis",
        valueFormatter: function (value) { return value == null ? "—" : value.toFixed(2) + "%"; }
      },
      legend: { top: 0 },
      grid: { left: 48, right: 24, top: 40, bottom: 32 },
      xAxis: { type: "category", data: trend.months },
      yAxis: {
        type: "value",
        min: axis.min,
        max: axis.max,
        interval: axis.interval,
        axisLabel: { formatter: "{value}%" }
      },
      series: trend.series.map(function (series) {
        return { name: series.name, type: "line", data: series.data, connectNulls: false, symbolSize: 6 };
      })
    });
    window.addEventListener("resize", function () { chart.resize(); });
  }
  // Scaled to the data in steps of 5 points, so small moves show, never past 100% (no rate exceeds it), at least one
  // step deep so a lone month at 100% is no flat axis; labels every 1, 5 or 10 points so none crowds another.
  function rateAxis(series) {
    var values = [];
    series.forEach(function (s) { s.data.forEach(function (v) { if (v != null) { values.push(v); } }); });
    var top = values.length ? Math.min(100, Math.ceil(Math.max.apply(null, values) / 5) * 5) : 100;
    var bottom = values.length ? Math.max(0, Math.min(Math.floor(Math.min.apply(null, values) / 5) * 5, top - 5)) : 0;
    var span = top - bottom;
    return { min: bottom, max: top, interval: span <= 5 ? 1 : span <= 30 ? 5 : 10 };
  }
  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", drawAll);
  } else {
    drawAll();
  }
})();
