using System.Globalization;

namespace Marketplace.ServiceDefaults.Localization;

/// <summary>Times are stored in UTC and shown to people in Hong Kong time (UTC+8, no daylight saving).</summary>
public static class HongKongTime
{
    public static readonly TimeSpan Offset = TimeSpan.FromHours(8);

    /// <summary><c>yyyy-MM-dd HH:mm</c> in Hong Kong time; "—" when there is no time.</summary>
    public static string Format(DateTimeOffset? instant) =>
        instant is { } at ? at.ToOffset(Offset).ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture) : "—";
}
