using System.Globalization;

namespace Marketplace.Web.Components.Pages.Admin;

/// <summary>One bar: its label, its value and how the value is written (e.g. <c>3 (60%)</c>).</summary>
public sealed record ChartItem(string Label, double Value, string Text);

/// <summary>A bar placed in the chart's coordinates (the SVG's view box), with its label shortened to fit.</summary>
public sealed record PlacedBar(ChartItem Item, string ShortLabel, double Y, double Width, double TextX, double TextY);

/// <summary>
/// Where the bars of a horizontal bar chart go: one row per item, widths in proportion to the largest value. Pure
/// geometry, so the page renders it as SVG elements whose look comes from the stylesheet (docs/decisions/0019).
/// </summary>
public static class BarChartLayout
{
    public const double Width = 640;
    public const double LabelWidth = 230;
    public const double ValueWidth = 90;
    public const double RowHeight = 30;
    public const double BarHeight = 20;
    public const double Top = 6;

    /// <summary>Label room in "narrow characters": a Chinese character counts as two.</summary>
    public const int LabelRoom = 32;

    public static double BarArea => Width - LabelWidth - ValueWidth - 10;

    public static double Height(int items) => Top * 2 + Math.Max(1, items) * RowHeight;

    public static IReadOnlyList<PlacedBar> Place(IReadOnlyList<ChartItem> items)
    {
        var max = items.Count == 0 ? 0 : items.Max(i => i.Value);
        return items.Select((item, row) =>
        {
            var width = max <= 0 || item.Value <= 0 ? 0 : Math.Max(2, item.Value / max * BarArea);
            var y = Top + row * RowHeight + (RowHeight - BarHeight) / 2;
            return new PlacedBar(item, Shorten(item.Label), y, Math.Round(width, 1), LabelWidth + 8 + width + 6, y + BarHeight - 5);
        }).ToList();
    }

    /// <summary>The label cut to <see cref="LabelRoom"/> with an ellipsis; the full label stays in the table and the text alternative.</summary>
    public static string Shorten(string label)
    {
        var used = 0;
        var enumerator = StringInfo.GetTextElementEnumerator(label);
        var cut = new System.Text.StringBuilder();
        while (enumerator.MoveNext())
        {
            var element = enumerator.GetTextElement();
            var room = element.Any(c => c >= '\u2E80') ? 2 : 1;
            if (used + room > LabelRoom - 1)
            {
                return cut.ToString().TrimEnd() + "…";
            }
            used += room;
            cut.Append(element);
        }
        return label;
    }

    public static string Number(double value) => value.ToString("0.#", CultureInfo.InvariantCulture);
}
