using Marketplace.Web.Resources;
using Microsoft.Extensions.Localization;

namespace Marketplace.Web.Api;

/// <summary>The open-data service's HTTP API: the programme's public statistics (the feeds and downloads are linked, not read).</summary>
public sealed class OpenDataClient(HttpClient http, IStringLocalizer<Ui> text, ILogger<OpenDataClient> logger) : ServiceClient(http, text, logger)
{
    public const string Service = "opendata";

    /// <summary>Where the browser downloads a figure as CSV (through the gateway, same origin as the pages).</summary>
    public static string CsvPath(string figure) => $"/api/opendata/statistics/{figure}.csv";

    public Task<ApiResult<ProgrammeStatistics>> StatisticsAsync(CancellationToken ct) => GetAsync<ProgrammeStatistics>("api/opendata/statistics", ct);
}
