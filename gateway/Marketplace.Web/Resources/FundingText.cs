namespace Marketplace.Web.Resources;

/// <summary>Marker for the funding pages' texts: Resources/FundingText.resx (English) and FundingText.zh-Hant.resx (Traditional Chinese).</summary>
public sealed class FundingText;
