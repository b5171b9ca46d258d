using System.Globalization;

namespace Marketplace.ServiceDefaults.Localization;

/// <summary>A user-facing text in both languages the marketplace speaks.</summary>
public sealed record LocalizedText(string En, string Zh)
{
    /// <summary>The text for the current UI culture (set per request from Accept-Language).</summary>
    public string Current => ForCulture(CultureInfo.CurrentUICulture);

    public string ForCulture(CultureInfo culture) =>
        IsChinese(culture) ? Zh : En;

    public LocalizedText Format(params object?[] args) =>
        new(string.Format(CultureInfo.InvariantCulture, En, args), string.Format(CultureInfo.InvariantCulture, Zh, args));

    public override string ToString() => Current;

    private static bool IsChinese(CultureInfo culture) =>
        culture.Name.StartsWith("zh", StringComparison.OrdinalIgnoreCase);
}
