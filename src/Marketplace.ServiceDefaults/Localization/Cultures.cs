namespace Marketplace.ServiceDefaults.Localization;

public static class Cultures
{
    public const string English = "en";
    public const string TraditionalChineseHongKong = "zh-HK";

    /// <summary>zh-Hant and zh-TW readers get the Hong Kong Traditional Chinese texts.</summary>
    public static readonly string[] Supported = [English, TraditionalChineseHongKong, "zh-Hant", "zh-TW"];
}
