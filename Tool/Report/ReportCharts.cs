using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text.RegularExpressions;
using System.Threading;
using OxyPlot;
using OxyPlot.Axes;
using OxyPlot.Legends;
using OxyPlot.Series;

namespace ExchangeSpfAgent.Tool.Report;

/// <summary>
/// Draws the report's charts with OxyPlot and exports each as an inline SVG element, so the page needs no script
/// and no network resource.
/// </summary>
internal static class ReportCharts
{
    public const int Width = 960;
    public const int TimeChartHeight = 360;
    private const int BarHeight = 26;
    private const int BarChartPadding = 110;
    private const int LabelMargin = 20;
    private const int LabelCharacterWidth = 8;

    private static readonly Regex s_clipPathId = new("(id=\"|url\\(#)(clipPath\\d+)", RegexOptions.CultureInvariant);

    private static int s_exportCount;

    private static readonly Dictionary<string, OxyColor> s_colors = new(StringComparer.Ordinal)
    {
        ["pass"] = OxyColor.FromRgb(0x2e, 0x7d, 0x32),
        ["fail"] = OxyColor.FromRgb(0xc6, 0x28, 0x28),
        ["softfail"] = OxyColor.FromRgb(0xef, 0x6c, 0x00),
        ["neutral"] = OxyColor.FromRgb(0x75, 0x75, 0x75),
        ["none"] = OxyColor.FromRgb(0x90, 0xa4, 0xae),
        ["temperror"] = OxyColor.FromRgb(0x6a, 0x1b, 0x9a),
        ["permerror"] = OxyColor.FromRgb(0x88, 0x0e, 0x4f),
        [ReportStatistics.NotChecked] = OxyColor.FromRgb(0xbd, 0xbd, 0xbd),
        ["Accept"] = OxyColor.FromRgb(0x90, 0xa4, 0xae),
        ["Stamp"] = OxyColor.FromRgb(0x15, 0x65, 0xc0),
        ["Reject"] = OxyColor.FromRgb(0xc6, 0x28, 0x28),
        ["Defer"] = OxyColor.FromRgb(0xf9, 0xa8, 0x25),
        ["Discard"] = OxyColor.FromRgb(0x4e, 0x34, 0x2e),
        ["Quarantine"] = OxyColor.FromRgb(0x6a, 0x1b, 0x9a),
    };

    /// <summary>A line per series over the time buckets, such as one per SPF result.</summary>
    public static string OverTime(
        string title,
        IReadOnlyList<(DateTimeOffset Start, Dictionary<string, int> Counts)> buckets,
        IEnumerable<string> series,
        TimeSpan bucketSize)
    {
        var model = NewModel(title);
        model.Legends.Add(TopLegend());
        bool daily = bucketSize >= TimeSpan.FromDays(1);
        model.Axes.Add(new DateTimeAxis
        {
            Position = AxisPosition.Bottom,
            StringFormat = daily ? "yyyy-MM-dd" : "MM-dd HH:mm",
            IntervalType = daily ? DateTimeIntervalType.Days : DateTimeIntervalType.Hours,
            MinimumMajorStep = daily ? 1 : 1.0 / 24,
            Title = "UTC, per " + (daily ? "day" : "hour"),
        });
        model.Axes.Add(CountAxis(AxisPosition.Left));
        foreach (string name in series)
        {
            var line = new LineSeries
            {
                Title = name,
                Color = ColorOf(name),
                StrokeThickness = 2,
                MarkerType = MarkerType.Circle,
                MarkerSize = 3,
                MarkerFill = ColorOf(name),
            };
            foreach ((DateTimeOffset start, Dictionary<string, int> counts) in buckets)
            {
                counts.TryGetValue(name, out int count);
                line.Points.Add(new DataPoint(DateTimeAxis.ToDouble(start.UtcDateTime), count));
            }

            model.Series.Add(line);
        }

        return Export(model, TimeChartHeight);
    }

    /// <summary>Horizontal bars, one per category, largest first, with one stacked segment per series.</summary>
    public static string Bars(
        string title, IReadOnlyList<string> categories, IReadOnlyList<(string Name, IReadOnlyList<int> Values)> series)
    {
        var model = NewModel(title);
        if (series.Count > 1)
        {
            model.Legends.Add(TopLegend());
        }

        // OxyPlot measures text with PDF font metrics, which can be narrower than the browser's font, so the label
        // margin is sized from the longest label with room to spare.
        int longest = categories.Count == 0 ? 0 : categories.Max(c => c.Length);
        model.PlotMargins = new OxyThickness(LabelMargin + (longest * LabelCharacterWidth), double.NaN, double.NaN, double.NaN);

        // Categories are listed bottom-up on a left axis; reversing puts the largest at the top.
        model.Axes.Add(new CategoryAxis
        {
            Position = AxisPosition.Left,
            ItemsSource = categories.Reverse().ToList(),
            GapWidth = 0.4,
        });
        model.Axes.Add(CountAxis(AxisPosition.Bottom));
        foreach ((string name, IReadOnlyList<int> values) in series)
        {
            // A stacked chart names its segments in the legend; a single series labels each bar with its count.
            var bars = new BarSeries
            {
                Title = series.Count > 1 ? name : null,
                IsStacked = series.Count > 1,
                FillColor = ColorOf(name),
                LabelPlacement = LabelPlacement.Outside,
                LabelFormatString = series.Count > 1 ? null : "{0}",
            };
            foreach (int value in values.Reverse())
            {
                bars.Items.Add(new BarItem(value));
            }

            model.Series.Add(bars);
        }

        return Export(model, BarChartPadding + (Math.Max(categories.Count, 1) * BarHeight));
    }

    private static Legend TopLegend() => new()
    {
        LegendPosition = LegendPosition.TopCenter,
        LegendPlacement = LegendPlacement.Outside,
        LegendOrientation = LegendOrientation.Horizontal,
        LegendItemSpacing = 16,
    };

    // Message counts are whole numbers: no fractional ticks.
    private static LinearAxis CountAxis(AxisPosition position) => new()
    {
        Position = position,
        Minimum = 0,
        MinimumRange = 1,
        MinimumMajorStep = 1,
        MinimumMinorStep = 1,
        StringFormat = "0",
        MaximumPadding = 0.1,
        Title = "Messages",
    };

    private static PlotModel NewModel(string title) => new()
    {
        Title = title,
        TitleFontSize = 15,
        DefaultFont = "Arial",
        Background = OxyColors.White,
        PlotAreaBorderColor = OxyColor.FromRgb(0xcf, 0xd8, 0xdc),
    };

    private static OxyColor ColorOf(string name) =>
        s_colors.TryGetValue(name, out OxyColor color) ? color : OxyColor.FromRgb(0x15, 0x65, 0xc0);

    // Without a text measurer OxyPlot measures text with its built-in PDF font metrics, so export needs no GUI library.
    // OxyPlot numbers its clip paths from 1 in every export, and all inline SVGs of a page share one id space.
    // Each chart's ids therefore get a prefix of their own, so no chart clips to another chart's plot area.
    private static string Export(PlotModel model, int height)
    {
        string svg = SvgExporter.ExportToString(model, Width, height, isDocument: false);

        // OxyPlot 2.2 writes an XML declaration even for a fragment; inside HTML it is noise.
        int start = svg.IndexOf("<svg", StringComparison.Ordinal);
        svg = start > 0 ? svg.Substring(start) : svg;
        string prefix = "chart" + Interlocked.Increment(ref s_exportCount).ToString(CultureInfo.InvariantCulture) + "-";
        return s_clipPathId.Replace(svg, match => match.Groups[1].Value + prefix + match.Groups[2].Value);
    }
}
