namespace Marketplace.Web.Resources;

/// <summary>Marker for the talent pages' texts: Resources/TalentText.resx (English) and TalentText.zh-Hant.resx (Traditional Chinese).</summary>
public sealed class TalentText;
