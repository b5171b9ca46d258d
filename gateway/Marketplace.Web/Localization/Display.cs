using System.Globalization;
using Marketplace.ServiceDefaults.Localization;

namespace Marketplace.Web.Localization;

/// <summary>How the UI writes times, money and bilingual content: Hong Kong time, HKD, the reader's language first.</summary>
public static class Display
{
    private static readonly CultureInfo HongKong = CultureInfo.GetCultureInfo("en-HK");

    public static bool Chinese => CultureInfo.CurrentUICulture.Name.StartsWith("zh", StringComparison.OrdinalIgnoreCase);

    /// <summary>The <c>lang</c> of the page: <c>zh-HK</c> or <c>en</c>.</summary>
    public static string Lang => Chinese ? Cultures.TraditionalChineseHongKong : Cultures.English;

    /// <summary>The content field in the reader's language, or the other one when that is empty.</summary>
    public static string Pick(string? english, string? chinese) =>
        (Chinese ? (string.IsNullOrWhiteSpace(chinese) ? english : chinese) : (string.IsNullOrWhiteSpace(english) ? chinese : english)) ?? "";

    /// <summary>The content in the other language, shown beside the chosen one (null when it is the same or empty).</summary>
    public static string? Other(string? english, string? chinese)
    {
        var other = Chinese ? english : chinese;
        return string.IsNullOrWhiteSpace(other) || other == Pick(english, chinese) ? null : other;
    }

    /// <summary><c>HK$1,250,000</c>: Hong Kong dollars with thousands separators, no cents when there are none.</summary>
    public static string Hkd(decimal amount) =>
        "HK$" + amount.ToString(decimal.Truncate(amount) == amount ? "#,0" : "#,0.00", HongKong);

    public static string HkdRange(decimal min, decimal max) => min == max ? Hkd(min) : $"{Hkd(min)} – {Hkd(max)}";

    /// <summary>Hong Kong time (UTC+8), <c>yyyy-MM-dd HH:mm</c> with the zone named.</summary>
    public static string Time(DateTimeOffset? instant) => instant is null ? "—" : HongKongTime.Format(instant) + " HKT";

    public static string Date(DateTimeOffset? instant) =>
        instant is { } at ? at.ToOffset(HongKongTime.Offset).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) : "—";

    /// <summary>The machine-readable form for <c>&lt;time datetime&gt;</c>.</summary>
    public static string Iso(DateTimeOffset instant) => instant.ToOffset(HongKongTime.Offset).ToString("yyyy-MM-ddTHH:mmzzz", CultureInfo.InvariantCulture);

    /// <summary>Whole days, hours and minutes left until the deadline; null once it has passed.</summary>
    public static (int Days, int Hours, int Minutes)? Remaining(DateTimeOffset deadline, DateTimeOffset now)
    {
        var left = deadline - now;
        return left <= TimeSpan.Zero ? null : (left.Days, left.Hours, left.Minutes);
    }
}
