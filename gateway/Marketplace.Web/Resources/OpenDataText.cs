namespace Marketplace.Web.Resources;

/// <summary>Marker for the statistics and open-data pages' texts: Resources/OpenDataText.resx (English) and OpenDataText.zh-Hant.resx (Traditional Chinese).</summary>
public sealed class OpenDataText;
