using System.Globalization;
using System.Net.Http.Json;
using System.Text.Json;
using Marketplace.Bench.Web;
using Marketplace.BrowserTests;

// Time to first byte and full page load of the web UI at 1 and 20 concurrent users (bench/README.md).
//   dotnet run -c Release --project bench/Marketplace.Bench.Web -- [--users 1,20] [--http-samples 200] [--browser-samples 60] [--query hospital] [--pages home,list,detail] [--output path]
var options = args.Select((a, i) => (a, i)).Where(x => x.a.StartsWith("--", StringComparison.Ordinal) && x.i + 1 < args.Length)
    .ToDictionary(x => x.a[2..], x => args[x.i + 1], StringComparer.Ordinal);
var users = options.GetValueOrDefault("users", "1,20").Split(',').Select(u => int.Parse(u, CultureInfo.InvariantCulture)).ToList();
// Samples per cell, shared out over the users (at least one run each).
var httpSamples = int.Parse(options.GetValueOrDefault("http-samples", "200"), CultureInfo.InvariantCulture);
var browserSamples = int.Parse(options.GetValueOrDefault("browser-samples", "60"), CultureInfo.InvariantCulture);
int PerUser(int samples, int users) => Math.Max(1, (samples + users - 1) / users);
var query = options.GetValueOrDefault("query", "hospital");
// Which pages to measure (home, list, detail; all by default), e.g. to re-measure one page after a change.
var only = options.GetValueOrDefault("pages", "home,list,detail").Split(',');
var output = options.GetValueOrDefault("output", Path.Combine("bench", "results", "web.md"));
var chromium = Environment.GetEnvironmentVariable("MARKETPLACE_TEST_CHROMIUM") is { Length: > 0 } path ? path : "/usr/bin/chromium";

Console.Error.WriteLine("Starting the standalone host (Production, demo data)...");
await using var site = await StandaloneSite.StartAsync();
using var api = new HttpClient { BaseAddress = site.BaseAddress };
// A scenario of the demo data that the list's search finds, so the detail page is one a searcher would open.
var found = await api.GetFromJsonAsync<JsonElement>($"/api/catalogue/scenarios?q={Uri.EscapeDataString(query)}&pageSize=1");
var matches = found.GetProperty("totalCount").GetInt32();
var detailId = found.GetProperty("items")[0].GetProperty("id").GetGuid();
var pages = new List<PageUnderTest>
{
    new("home", "/", "[data-testid=headline-counts]"),
    new($"scenario list, search \"{query}\"", $"/scenarios?q={Uri.EscapeDataString(query)}", "[data-testid=result-count]"),
    new("scenario detail", $"/scenarios/{detailId}", "[data-testid=budget]"),
};
var navigations = new List<Navigation>
{
    new("home → scenario list (navigation link)", pages[0], "nav a[href='/scenarios']", "[data-testid=result-count]"),
    new("scenario list → scenario detail (result link)", pages[1], $".result-list a[href='/scenarios/{detailId}']", "[data-testid=budget]"),
};
string[] keys = ["home", "list", "detail"];
pages = pages.Where((_, i) => only.Contains(keys[i])).ToList();
navigations = navigations.Where(n => pages.Contains(n.From) && pages.Any(p => p.Ready == n.Ready)).ToList();

var cells = new List<Cell>();
foreach (var count in users)
{
    foreach (var page in pages)
    {
        Console.Error.WriteLine($"TTFB, {page.Name}, {count} user(s)...");
        cells.Add(await Cell.MeasureAsync("server HTML", page.Name, count, () => HttpTimings.RunAsync(site.BaseAddress, page.Path, count, PerUser(httpSamples, count))));
    }
    await using var browser = await BrowserTimings.StartAsync(chromium, site.BaseAddress);
    foreach (var page in pages)
    {
        Console.Error.WriteLine($"page load, {page.Name}, {count} user(s)...");
        cells.Add(await Cell.MeasureAsync("page load", page.Name, count, () => browser.LoadAsync(page, count, PerUser(browserSamples, count))));
    }
    foreach (var navigation in navigations)
    {
        Console.Error.WriteLine($"enhanced navigation, {navigation.Name}, {count} user(s)...");
        cells.Add(await Cell.MeasureAsync("enhanced navigation", navigation.Name, count, () => browser.NavigateAsync(navigation, count, PerUser(browserSamples, count))));
    }
}

var report = Report.Build(cells, string.Join(' ', args), matches, httpSamples, browserSamples);
Console.WriteLine(report);
Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(output))!);
await File.WriteAllTextAsync(output, report);
Console.Error.WriteLine($"Report written to {output}.");
