using System.Globalization;

namespace Marketplace.Funding.Domain;

internal static class Money
{
    /// <summary>HK$1,234,567 (whole dollars) or HK$1,234.50.</summary>
    public static string Hkd(decimal amount) =>
        "HK$" + amount.ToString(amount == decimal.Truncate(amount) ? "#,0" : "#,0.00", CultureInfo.InvariantCulture);

    public static string Percent(decimal value) => value.ToString("0.##", CultureInfo.InvariantCulture) + " %";
}
