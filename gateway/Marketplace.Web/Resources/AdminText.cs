namespace Marketplace.Web.Resources;

/// <summary>Marker for the administrator's pages' texts: Resources/AdminText.resx (English) and AdminText.zh-Hant.resx (Traditional Chinese).</summary>
public sealed class AdminText;
