/* Dashboard and trajectory charts, drawn with the vendored ECharts from data embedded by json_script. */
(function () {
  "use strict";
  var COLOURS = { green: "#2e9e44", amber: "#f0a500", red: "#d93025", no_deadline: "#9e9e9e", closed: "#7a869a" };
  var ORDER = ["green", "amber", "red", "no_deadline", "closed"];
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
      tooltip: { trigger: "item", renderMode: "richText", formatter: "{b}: {c} ({d}%)", textStyle: { fontSize: big() } },
      legend: { bottom: 0, textStyle: { fontSize: big() } },
      series: [{
        type: "pie", radius: window.innerWidth < 640 ? ["28%", "52%"] : ["35%", "65%"],
        label: { fontSize: big(), formatter: "{b}\n{c}" },
        data: chart.values.map(function (v, i) {
          return { value: v, name: chart.labels[i], itemStyle: { color: COLOURS[ORDER[i]] } };
        })
      }]
    });
  }

  function stacked(id, chart, labels, horizontal) {
    if (!chart || !chart.labels.length) { return; }
    var node = document.getElementById(id);
    if (node && horizontal) {
      /* one readable row per group, however many groups there are */
      node.style.height = Math.max(260, 44 * chart.labels.length + 90) + "px";
    }
    var labelWidth = window.innerWidth < 640 ? 110 : 220;
    var category = {
      type: "category", data: chart.labels,
      axisLabel: { fontSize: big() - 2, interval: 0, width: horizontal ? labelWidth : 90, overflow: horizontal ? "break" : "truncate" }
    };
    var value = { type: "value", minInterval: 1, axisLabel: { fontSize: big() - 2 } };
    make(id, {
      tooltip: { trigger: "axis", renderMode: "richText", axisPointer: { type: "shadow" }, textStyle: { fontSize: big() } },
      legend: { top: 0, textStyle: { fontSize: big() } },
      grid: horizontal
        ? { left: labelWidth + 16, right: 16, top: 40, bottom: 32, containLabel: false }
        : { left: 8, right: 16, top: 40, bottom: 8, containLabel: true },
      xAxis: horizontal ? value : category,
      yAxis: horizontal ? Object.assign({ inverse: true }, category) : value,
      dataZoom: chart.labels.length > 15 ? [{ type: "inside", orient: horizontal ? "vertical" : "horizontal" }] : [],
      series: ORDER.map(function (c) {
        return { name: labels[c], type: "bar", stack: "all", barMaxWidth: 36, itemStyle: { color: COLOURS[c] }, data: chart.series[c] };
      })
    });
  }

  function trajectory(id, chart) {
    var series = [];
    if (chart.line.length) {
      series.push({ name: chart.labels.line, type: "line", data: chart.line, lineStyle: { type: "dashed", width: 3 }, symbolSize: 6 });
    }
    series.push({ name: chart.labels.actual, type: "scatter", data: chart.actuals, symbolSize: 16, itemStyle: { color: "#d93025" } });
    series.push({ name: chart.labels.target, type: "scatter", data: [chart.target], symbol: "diamond", symbolSize: 20, itemStyle: { color: "#2e9e44" } });
    make(id, {
      tooltip: { trigger: "item", renderMode: "richText", textStyle: { fontSize: big() } },
      legend: { top: 0, textStyle: { fontSize: big() } },
      grid: { left: 8, right: 24, top: 48, bottom: 8, containLabel: true },
      xAxis: {
        type: "value", minInterval: 1,
        min: function (v) { return Math.floor(v.min) - 1; },
        max: function (v) { return Math.ceil(v.max) + 1; },
        axisLabel: { fontSize: big() - 2, formatter: function (v) { return String(v); } }
      },
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
