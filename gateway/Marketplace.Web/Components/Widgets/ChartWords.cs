using System.Globalization;
using Microsoft.Extensions.Localization;
using Marketplace.Web.Resources;

namespace Marketplace.Web.Components.Widgets;

/// <summary>A chart in words, read by screen readers in place of the picture: the axes, then every category with each series' value.</summary>
public static class ChartWords
{
    public static string Describe(IStringLocalizer<ChartText> text, string title, string categoryAxis, string valueAxis, IReadOnlyList<string> series,
        IReadOnlyList<ChartRow> rows, Func<double, string> format)
    {
        var items = rows.Select(r => string.Format(CultureInfo.CurrentCulture, text["RowAlternative"], r.Label,
            string.Join(text["ValueSeparator"], series.Select((name, s) => string.Format(CultureInfo.CurrentCulture, text["ValueAlternative"], name, s < r.Values.Count ? format(r.Values[s]) : "—")))));
        return string.Format(CultureInfo.CurrentCulture, text["ChartAlternative"], title, valueAxis, categoryAxis, string.Join(text["RowSeparator"], items));
    }
}
