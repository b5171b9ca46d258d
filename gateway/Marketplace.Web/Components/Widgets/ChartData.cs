using System.Globalization;

namespace Marketplace.Web.Components.Widgets;

/// <summary>
/// One category of a chart (a skill, a seniority, a month) with one value per series, in the order of the chart's
/// series names. What <see cref="SeriesBarChart"/> and <see cref="LineChart"/> draw, and what their tables list.
/// </summary>
public sealed record ChartRow(string Label, IReadOnlyList<double> Values);

/// <summary>
/// The arithmetic both charts share: a "nice" top of the value axis, its grid steps, numbers written for SVG
/// attributes (invariant culture) and for people (the page's culture, thousands separators).
/// </summary>
public static class ChartScale
{
    /// <summary>The smallest 1, 2 or 5 × 10ⁿ at or above the largest value (at least 1), so grid lines fall on round numbers.</summary>
    public static double NiceMax(IEnumerable<ChartRow> rows)
    {
        var max = rows.SelectMany(r => r.Values).DefaultIfEmpty(0).Max();
        if (max <= 1)
        {
            return 1;
        }
        var magnitude = Math.Pow(10, Math.Floor(Math.Log10(max)));
        foreach (var step in new[] { 1d, 2d, 5d, 10d })
        {
            if (step * magnitude >= max)
            {
                return step * magnitude;
            }
        }
        return 10 * magnitude;
    }

    /// <summary>Grid values from 0 to <paramref name="max"/> in <paramref name="steps"/> equal steps.</summary>
    public static IReadOnlyList<double> Ticks(double max, int steps = 4) => [.. Enumerable.Range(0, steps + 1).Select(i => max * i / steps)];

    public static bool IsEmpty(IReadOnlyList<ChartRow> rows) => rows.Count == 0 || rows.All(r => r.Values.All(v => v <= 0));

    /// <summary>An SVG coordinate: invariant culture, one decimal.</summary>
    public static string Svg(double value) => value.ToString("0.#", CultureInfo.InvariantCulture);

    /// <summary>A value as people read it: thousands separators, at most two decimals.</summary>
    public static string Text(double value) => value.ToString("#,0.##", CultureInfo.CurrentCulture);

    /// <summary>
    /// The label cut to <paramref name="room"/> "narrow characters" (a Chinese character counts as two) with an ellipsis;
    /// the full label stays in the table and the text alternative.
    /// </summary>
    public static string Shorten(string label, int room)
    {
        var used = 0;
        var enumerator = StringInfo.GetTextElementEnumerator(label);
        var cut = new System.Text.StringBuilder();
        while (enumerator.MoveNext())
        {
            var element = enumerator.GetTextElement();
            var width = element.Any(c => c >= '\u2E80') ? 2 : 1;
            if (used + width > room - 1)
            {
                return cut.ToString().TrimEnd() + "…";
            }
            used += width;
            cut.Append(element);
        }
        return label;
    }
}
