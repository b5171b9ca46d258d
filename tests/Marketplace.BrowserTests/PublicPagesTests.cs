using System.Net.Http.Json;
using System.Text.RegularExpressions;
using Marketplace.Testing;
using Microsoft.Playwright;

namespace Marketplace.BrowserTests;

[Collection(BrowserCollection.Name)]
public sealed class PublicPagesTests(BrowserFixture browser)
{
    [Theory]
    [InlineData("en", "Hong Kong AI Scenario Marketplace", "open for proposals")]
    [InlineData("zh-HK", "香港人工智能應用場景市場", "個接受建議書")]
    public async Task The_home_page_shows_the_current_batch_and_headline_counts_in_the_chosen_language(string language, string siteName, string openLabel)
    {
        var page = await browser.NewPageAsync(language);
        // Other tests on the shared host publish scenarios of their own: the count is the catalogue's at this moment,
        // at least the demo data's 16 (tests in one collection run one after another, so nothing publishes in between).
        using var api = new HttpClient { BaseAddress = browser.Site.BaseAddress };
        var published = (await api.GetFromJsonAsync<System.Text.Json.JsonElement>("/api/catalogue/scenarios?status=Published&pageSize=1"))
            .GetProperty("totalCount").GetInt32();
        Assert.True(published >= 16, $"{published} published");

        await page.GotoAsync("/?culture=" + language);

        Assert.Equal(language, await page.GetAttributeAsync("html", "lang"));
        Assert.Contains(siteName, await page.TitleAsync());
        var counts = await page.InnerTextAsync("[data-testid=headline-counts]");
        Assert.Contains($"{published} " + openLabel, counts.Replace("\n", " ", StringComparison.Ordinal));
        // The current batch is the first published one the catalogue lists (the cross-role flow publishes one of its own).
        var batches = await api.GetFromJsonAsync<System.Text.Json.JsonElement>("/api/catalogue/batches");
        var current = batches.EnumerateArray().First(b => b.GetProperty("status").GetString() == "Published");
        Assert.Contains(current.GetProperty(language == "en" ? "nameEn" : "nameZh").GetString()!, await page.InnerTextAsync("#batch-heading"));
        await BrowserFixture.ScreenshotAsync(page, $"home-{language}");
        await page.Context.CloseAsync();
    }

    [Theory]
    [InlineData("en")]
    [InlineData("zh-HK")]
    public async Task The_scenario_list_searches_filters_by_facet_and_shows_an_empty_state(string language)
    {
        var page = await browser.NewPageAsync(language);
        await page.GotoAsync("/scenarios?culture=" + language);
        var all = await ResultCountAsync(page);

        // Filter by the first Smart City area offered; its facet count is what the list then shows.
        var option = page.Locator("#area option").Nth(1);
        var facet = int.Parse(Regex.Match(await option.InnerTextAsync(), @"\((\d+)\)").Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture);
        await page.SelectOptionAsync("#area", await option.GetAttributeAsync("value") ?? "");
        await page.ClickAsync(".filters button[type=submit]");
        await page.ArrivedAtAsync(new Regex("area="));
        // Enhanced navigation patches the page after the address changes; wait for the new results.
        Assert.Equal(facet, await Eventually.Until(() => ResultCountAsync(page), n => n == facet, TimeSpan.FromSeconds(10), "the filtered results"));
        Assert.True(facet < all);
        await BrowserFixture.ScreenshotAsync(page, $"scenarios-{language}");

        await page.GotoAsync("/scenarios?q=" + Uri.EscapeDataString("zzqx nothing matches this"));
        Assert.True(await page.IsVisibleAsync("[data-testid=empty-state]"));
        await page.Context.CloseAsync();
    }

    [Theory]
    [InlineData("en", "left")]
    [InlineData("zh-HK", "尚餘")]
    public async Task A_scenario_page_shows_its_budget_in_HKD_and_the_time_left_in_Hong_Kong_time(string language, string countdownWord)
    {
        var page = await browser.NewPageAsync(language);
        await page.GotoAsync("/scenarios?status=Published&sort=deadline&culture=" + language);
        await page.ClickAsync(".result h3 a");
        await page.ArrivedAtAsync(new Regex("/scenarios/[0-9a-f-]{36}$"));

        Assert.Matches(@"^HK\$\d{1,3}(,\d{3})+", await page.InnerTextAsync("[data-testid=budget]"));
        Assert.Contains(countdownWord, await page.InnerTextAsync("[data-testid=countdown]"));
        Assert.Contains("HKT", await page.InnerTextAsync(".key-facts"));
        await BrowserFixture.ScreenshotAsync(page, $"scenario-{language}");
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task The_language_switch_is_remembered_on_the_next_page()
    {
        var page = await browser.NewPageAsync("en");
        await page.GotoAsync("/");
        await page.ClickAsync(".language-switch");
        await Eventually.Until(() => page.GetAttributeAsync("html", "lang"), lang => lang == "zh-HK", TimeSpan.FromSeconds(10), "the Chinese page");

        await page.GotoAsync("/batches");

        Assert.Equal("zh-HK", await page.GetAttributeAsync("html", "lang"));
        Assert.Equal("批次", await page.InnerTextAsync("h1"));
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task An_unknown_address_shows_the_friendly_not_found_page_with_status_404()
    {
        var page = await browser.NewPageAsync("zh-HK");

        var response = await page.GotoAsync("/no-such-page");

        Assert.Equal(404, response!.Status);
        Assert.Equal("找不到網頁", await page.InnerTextAsync("[data-testid=error-status]"));
        Assert.Contains("script-src 'self'", (await response.AllHeadersAsync())["content-security-policy"]);
        await page.Context.CloseAsync();
    }

    [Theory]
    [InlineData("en")]
    [InlineData("zh-HK")]
    public async Task Every_public_page_has_no_serious_or_critical_accessibility_violations(string language)
    {
        var page = await browser.NewPageAsync(language);
        var violations = new List<string>();
        await page.GotoAsync("/scenarios?status=Published");
        var detail = await page.GetAttributeAsync(".result h3 a", "href");
        foreach (var path in new[] { "/", "/scenarios", "/scenarios?q=" + Uri.EscapeDataString("zzqx"), detail!, "/batches", "/success-cases", "/solutions", "/register", "/no-such-page" })
        {
            await page.GotoAsync(path + (path.Contains('?', StringComparison.Ordinal) ? "&" : "?") + "culture=" + language);
            violations.AddRange(await BrowserFixture.SeriousAccessibilityViolationsAsync(page));
        }
        await BrowserFixture.ScreenshotAsync(page, $"not-found-{language}");

        Assert.True(violations.Count == 0, string.Join('\n', violations));
        await page.Context.CloseAsync();
    }

    private static async Task<int> ResultCountAsync(IPage page) =>
        int.Parse(Regex.Match(await page.InnerTextAsync("[data-testid=result-count]"), @"\d+").Value, System.Globalization.CultureInfo.InvariantCulture);
}
