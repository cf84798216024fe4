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
    chart.setOption({
      animation: false,
      tooltip: {
        trigger: "axis",
        valueFormatter: function (value) { return value == null ? "—" : value.toFixed(2) + "%"; }
      },
      legend: { top: 0 },
      grid: { left: 48, right: 24, top: 40, bottom: 32 },
      xAxis: { type: "category", data: trend.months },
      // scaled to the data in steps of 5 points, so small moves show, and never past 100%: a rate cannot exceed it
      yAxis: {
        type: "value",
        // at least one step below the top, so a month at 100% alone is no flat axis
        min: function (extent) {
          return Math.max(0, Math.min(Math.floor(extent.min / 5) * 5, Math.ceil(extent.max / 5) * 5 - 5));
        },
        max: function (extent) { return Math.min(100, Math.ceil(extent.max / 5) * 5); },
        axisLabel: { formatter: "{value}%" }
      },
      series: trend.series.map(function (series) {
        return { name: series.name, type: "line", data: series.data, connectNulls: false, symbolSize: 6 };
      })
    });
    window.addEventListener("resize", function () { chart.resize(); });
  }
  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", drawAll);
  } else {
    drawAll();
  }
})();
