namespace Marketplace.Web.Resources;

/// <summary>Marker for the department officer's pages' texts: Resources/OfficerText.resx (English) and Resources/OfficerText.zh-Hant.resx (Traditional Chinese).</summary>
public sealed class OfficerText;
