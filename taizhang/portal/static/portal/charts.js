/* The public policy page's indicator charts, drawn with the vendored ECharts from the data the page
   embeds with json_script; tooltips are drawn on the canvas (no inline styles, see the CSP). */
(function () {
  "use strict";
  document.addEventListener("DOMContentLoaded", function () {
    var data = document.getElementById("indicator-charts");
    var names = document.getElementById("indicator-chart-labels");
    if (!data || !names || !window.echarts) { return; }
    var labels = names.dataset;
    JSON.parse(data.textContent).forEach(function (c) {
      var chart = window.echarts.init(document.getElementById(c.id));
      chart.setOption({
        title: {text: c.name + (c.unit ? " (" + c.unit + ")" : ""), textStyle: {fontSize: 14}},
        tooltip: {trigger: "axis", renderMode: "richText"},
        legend: {bottom: 0},
        xAxis: {type: "value", minInterval: 1, scale: true, axisLabel: {formatter: "{value}"}},
        yAxis: {type: "value", scale: true},
        series: [
          {name: labels.expected, type: "line", data: c.expected, lineStyle: {type: "dashed"}, symbol: "none"},
          {name: labels.actual, type: "line", data: c.actuals},
          {name: labels.target, type: "scatter", data: [c.target], symbolSize: 12}
        ]
      });
      window.addEventListener("resize", function () { chart.resize(); });
    });
  });
})();
