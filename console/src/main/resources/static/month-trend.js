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
      yAxis: { type: "value", scale: true, axisLabel: { formatter: "{value}%" } },
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
