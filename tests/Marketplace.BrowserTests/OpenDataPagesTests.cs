using System.Net.Http.Json;
using System.Text.Json;
using Marketplace.Testing;

namespace Marketplace.BrowserTests;

/// <summary>
/// The public statistics and open-data pages in both languages (charts drawn, tables beside them, a CSV that holds the
/// table's figures, working links), and the administrator's statistics page with the programme figures; axe on each.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class OpenDataPagesTests(BrowserFixture browser)
{
    [Theory]
    [InlineData("en", "Programme statistics", "Open data")]
    [InlineData("zh-HK", "計劃統計數字", "開放數據")]
    public async Task Anyone_reads_the_programme_statistics_as_charts_with_tables_and_CSV_and_the_open_data_page_explains_the_feeds(
        string language, string statisticsHeading, string openDataHeading)
    {
        // At least one published scenario, so the area chart has a bar whatever ran before; counted by open data before the
        // page is read, or the table (read first) and the CSV (downloaded after) would see different figures.
        using var api = new HttpClient { BaseAddress = browser.Site.BaseAddress };
        static int Published(JsonElement statistics) => statistics.GetProperty("scenarios").GetProperty("published").GetInt32();
        var before = Published(await api.GetFromJsonAsync<JsonElement>("/api/opendata/statistics"));
        await browser.Api.PublishScenarioAsync(MarketplaceApi.TransportOfficer, $"Open data statistics {language}", TimeSpan.FromDays(20));
        await Eventually.Until(() => api.GetFromJsonAsync<JsonElement>("/api/opendata/statistics"), s => Published(s) > before,
            TimeSpan.FromSeconds(20), "open data to count the scenario");
        var page = await browser.NewPageAsync(language);
        var violations = new List<string>();

        await page.GotoAsync("/statistics?culture=" + language);
        Assert.Equal(language, await page.GetAttributeAsync("html", "lang"));
        Assert.Equal(statisticsHeading, await page.InnerTextAsync("h1"));
        var svg = page.Locator("[data-testid=svg-by-area]");
        Assert.Equal("img", await svg.GetAttributeAsync("role"));
        Assert.False(string.IsNullOrWhiteSpace(await svg.Locator("desc").TextContentAsync()));
        Assert.True(await svg.Locator("rect.chart-bar").CountAsync() > 0);
        Assert.Equal(0, await page.Locator("svg [style]").CountAsync());
        foreach (var chart in new[] { "by-area", "by-sector", "by-status", "by-batch", "proposals", "awards-by-size", "value-by-size", "timing", "funds", "success" })
        {
            Assert.True(await page.IsVisibleAsync($"[data-testid=chart-{chart}] h2"), chart);
            Assert.True(await page.IsVisibleAsync($"[data-testid=csv-{chart}]"), chart);
        }
        // The table beside the chart and the CSV behind its link hold the same figures.
        var tableCounts = await page.Locator("[data-testid=table-by-status] tbody tr td").AllInnerTextsAsync();
        var download = await page.RunAndWaitForDownloadAsync(() => page.ClickAsync("[data-testid=csv-by-status]"));
        var csv = (await File.ReadAllLinesAsync(await download.PathAsync())).Where(l => l.Length > 0).ToList();
        Assert.Equal("value,count", csv[0]);
        Assert.Equal(tableCounts.Select(c => c.Replace(",", "", StringComparison.Ordinal)), csv.Skip(1).Select(l => l.Split(',')[1]));
        violations.AddRange(await BrowserFixture.SeriousAccessibilityViolationsAsync(page));
        await BrowserFixture.ScreenshotAsync(page, $"statistics-{language}");

        // The open-data page, from the public navigation; its links answer.
        await page.ClickAsync("[data-testid=nav-open-data]");
        await page.ArrivedAtAsync("**/open-data");
        // Enhanced navigation patches the page after the address changes.
        await Eventually.Until(() => page.InnerTextAsync("h1"), h => h == openDataHeading, TimeSpan.FromSeconds(10), "the open-data page");
        Assert.Contains("ocds-", await page.InnerTextAsync("[data-testid=ocid-prefix]"));
        foreach (var link in new[] { "link-releases", "link-records", "link-statistics", "link-year" })
        {
            var href = await page.GetAttributeAsync($"[data-testid={link}]", "href");
            var response = await api.GetAsync(href);
            Assert.True(response.IsSuccessStatusCode, $"{link} {href}: {(int)response.StatusCode}");
        }
        Assert.True(await page.IsVisibleAsync("[data-testid=footer-open-data]"));
        violations.AddRange(await BrowserFixture.SeriousAccessibilityViolationsAsync(page));
        await BrowserFixture.ScreenshotAsync(page, $"open-data-{language}");

        Assert.Empty(violations);
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task The_administrators_statistics_page_adds_the_skill_gap_and_the_programme_figures()
    {
        var page = await browser.NewPageAsync("en");
        await SignIn.AsAsync(page, MarketplaceApi.Admin, "/admin/statistics");
        await page.ArrivedAtAsync("**/admin/statistics");
        Assert.True(await page.IsVisibleAsync("[data-testid=chart-by-area] h2"));
        Assert.True(await page.IsVisibleAsync("[data-testid=chart-skill-gap] h2"));
        Assert.True(await page.IsVisibleAsync("[data-testid=chart-programme-timing] h2"));
        Assert.True(await page.IsVisibleAsync("[data-testid=table-programme-timing]"));
        Assert.Empty(await BrowserFixture.SeriousAccessibilityViolationsAsync(page));
        await BrowserFixture.ScreenshotAsync(page, "admin-statistics-programme");
        await page.Context.CloseAsync();
    }
}
