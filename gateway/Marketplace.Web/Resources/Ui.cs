namespace Marketplace.Web.Resources;

/// <summary>Marker for the UI's texts: Resources/Ui.resx (English) and Resources/Ui.zh-Hant.resx (Traditional Chinese, read for zh-HK).</summary>
public sealed class Ui;
