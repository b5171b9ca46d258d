namespace Marketplace.Web.Resources;

/// <summary>Marker for the chart widgets' texts (Components/Widgets/SeriesBarChart, LineChart): Resources/ChartText.resx and ChartText.zh-Hant.resx.</summary>
public sealed class ChartText;
