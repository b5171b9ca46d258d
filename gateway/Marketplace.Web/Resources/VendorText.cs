namespace Marketplace.Web.Resources;

/// <summary>Marker for the vendor's and the chamber member's pages' texts: Resources/VendorText.resx (English) and VendorText.zh-Hant.resx (Traditional Chinese).</summary>
public sealed class VendorText;
