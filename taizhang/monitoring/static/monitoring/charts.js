/* Dashboard and trajectory charts, drawn with the vendored ECharts from data embedded by json_script. */
(function () {
  "use strict";
  var COLOURS = { green: "#2e9e44", amber: "#f0a500", red: "#d93025", closed: "#7a869a" };
  var ORDER = ["green", "amber", "red", "closed"];
  var charts = [];

  function big() { return window.innerWidth < 640 ? 14 : 18; }

  function data(id) {
    var node = document.getElementById(id);
    return node ? JSON.parse(node.textContent) : null;
  }

  function make(id, option) {
    var node = document.getElementById(id);
    if (!node || !window.echarts) { return; }
    var chart = window.echarts.init(node, null, { renderer: "canvas" });
    option.textStyle = { fontSize: big() };
    chart.setOption(option);
    charts.push(chart);
  }

  function pie(id, chart, labels) {
    make(id, {
      tooltip: { trigger: "item", formatter: "{b}: {c} ({d}%)", textStyle: { fontSize: big() } },
      legend: { bottom: 0, textStyle: { fontSize: big() } },
      series: [{
        type: "pie", radius: ["35%", "65%"],
        label: { fontSize: big(), formatter: "{b}\n{c}" },
        data: chart.values.map(function (v, i) {
          return { value: v, name: chart.labels[i], itemStyle: { color: COLOURS[ORDER[i]] } };
        })
      }]
    });
  }

  function stacked(id, chart, labels, horizontal) {
    if (!chart || !chart.labels.length) { return; }
    var category = { type: "category", data: chart.labels, axisLabel: { fontSize: big() - 2, interval: 0, width: 160, overflow: "truncate" } };
    var value = { type: "value", minInterval: 1, axisLabel: { fontSize: big() - 2 } };
    make(id, {
      tooltip: { trigger: "axis", axisPointer: { type: "shadow" }, textStyle: { fontSize: big() } },
      legend: { top: 0, textStyle: { fontSize: big() } },
      grid: { left: 8, right: 16, top: 40, bottom: 8, containLabel: true },
      xAxis: horizontal ? value : category,
      yAxis: horizontal ? Object.assign({ inverse: true }, category) : value,
      dataZoom: chart.labels.length > 15 ? [{ type: "inside", orient: horizontal ? "vertical" : "horizontal" }] : [],
      series: ORDER.map(function (c) {
        return { name: labels[c], type: "bar", stack: "all", itemStyle: { color: COLOURS[c] }, data: chart.series[c] };
      })
    });
  }

  function trajectory(id, chart) {
    var series = [];
    if (chart.line.length) {
      series.push({ name: "线性轨迹", type: "line", data: chart.line, lineStyle: { type: "dashed", width: 3 }, symbolSize: 6 });
    }
    series.push({ name: "实际值", type: "scatter", data: chart.actuals, symbolSize: 16, itemStyle: { color: "#d93025" } });
    series.push({ name: "目标值", type: "scatter", data: [chart.target], symbol: "diamond", symbolSize: 20, itemStyle: { color: "#2e9e44" } });
    make(id, {
      tooltip: { trigger: "item", textStyle: { fontSize: big() } },
      legend: { top: 0, textStyle: { fontSize: big() } },
      grid: { left: 8, right: 24, top: 48, bottom: 8, containLabel: true },
      xAxis: { type: "value", minInterval: 1, scale: true, axisLabel: { fontSize: big() - 2, formatter: "{value}" } },
      yAxis: { type: "value", scale: true, name: chart.unit, axisLabel: { fontSize: big() - 2 } },
      series: series
    });
  }

  document.addEventListener("DOMContentLoaded", function () {
    var dash = data("dashboard-data");
    if (dash) {
      pie("chart-overall", dash.overall);
      stacked("chart-policy", dash.by_policy, dash.colour_labels, true);
      stacked("chart-unit", dash.by_unit, dash.colour_labels, true);
      stacked("chart-measure", dash.by_measure, dash.colour_labels, true);
      stacked("chart-month", dash.by_month, dash.colour_labels, false);
    }
    var line = data("trajectory-data");
    if (line) { trajectory("chart-trajectory", line); }
    window.addEventListener("resize", function () { charts.forEach(function (c) { c.resize(); }); });
  });
})();
