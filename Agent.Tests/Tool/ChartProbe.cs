namespace ExchangeSpfAgent.Tests.Tool;

/// <summary>
/// A script that the report test appends to a copy of the report page. In headless Chromium it writes, into
/// <c>&lt;pre id="chart-probe"&gt;</c>, each chart's laid-out size and how many data marks (bars, lines, markers in
/// a series colour, not the grey axes) lie in its plot area.
/// </summary>
public static class ChartProbe
{
    public const string ElementId = "chart-probe";

    public const string Script = """
        (function () {
          function saturated(paint) {
            var match = /rgb\((\d+), (\d+), (\d+)\)/.exec(paint || '');
            if (!match) {
              return false;
            }
            var channels = [Number(match[1]), Number(match[2]), Number(match[3])];
            return Math.max.apply(null, channels) - Math.min.apply(null, channels) > 60;
          }

          var charts = Array.prototype.map.call(document.querySelectorAll('figure.chart'), function (figure) {
            var svg = figure.querySelector('svg');
            var result = { id: figure.id, width: 0, height: 0, marks: 0 };
            if (!svg) {
              return result;
            }
            var box = svg.getBoundingClientRect();
            result.width = box.width;
            result.height = box.height;
            // The plot area is the rectangle drawn in the report's plot border colour; legends lie outside it.
            var plot = null;
            Array.prototype.forEach.call(svg.querySelectorAll('rect'), function (rect) {
              if (getComputedStyle(rect).stroke === 'rgb(207, 216, 220)') {
                plot = rect.getBoundingClientRect();
              }
            });
            if (!plot) {
              return result;
            }
            Array.prototype.forEach.call(svg.querySelectorAll('rect, polyline, ellipse, path, polygon'), function (mark) {
              var bounds = mark.getBoundingClientRect();
              var style = getComputedStyle(mark);
              var isLine = mark.tagName === 'polyline' || mark.tagName === 'path';
              var visible = isLine ? bounds.width > 0 || bounds.height > 0 : bounds.width > 0 && bounds.height > 0;
              var x = bounds.left + (bounds.width / 2);
              var y = bounds.top + (bounds.height / 2);
              var inside = x >= plot.left && x <= plot.right && y >= plot.top && y <= plot.bottom;
              if (visible && inside && (saturated(style.fill) || saturated(style.stroke))) {
                result.marks++;
              }
            });
            return result;
          });
          var output = document.createElement('pre');
          output.id = 'chart-probe';
          output.textContent = JSON.stringify(charts);
          document.body.appendChild(output);
        })();
        """;
}
