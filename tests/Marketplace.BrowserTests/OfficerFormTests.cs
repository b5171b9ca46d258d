using System.Text.RegularExpressions;
using Microsoft.Playwright;

namespace Marketplace.BrowserTests;

[Collection(BrowserCollection.Name)]
public sealed class OfficerFormTests(BrowserFixture browser)
{
    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task An_officer_creates_a_scenario_and_sees_the_APIs_validation_message_next_to_its_field(bool javaScript)
    {
        var page = await browser.NewPageAsync(javaScript: javaScript);
        await SignIn.AsAsync(page, "officer.epd@demo.hk", "/officer/scenarios/new");
        var title = $"Roadside noise hotspot mapping {Guid.NewGuid():N}"[..48];
        await FillValidScenarioAsync(page, title);
        // One rule broken: the highest budget below the lowest.
        await page.FillAsync("#budgetMinHkd", "2,000,000");
        await page.FillAsync("#budgetMaxHkd", "500,000");

        await page.ClickAsync("[data-testid=save]");

        await page.WaitForSelectorAsync("[data-testid=error-summary]");
        Assert.Contains("budgetMinHkd", await page.InnerTextAsync("[data-testid=error-budgetMaxHkd]"));
        Assert.Equal("budgetMaxHkd-error", await page.GetAttributeAsync("#budgetMaxHkd", "aria-describedby"));
        Assert.Equal(1, await page.Locator(".field-error").CountAsync());
        // What was typed is kept.
        Assert.Equal(title, await page.InputValueAsync("#titleEn"));
        if (javaScript)
        {
            // axe runs as a script in the page, so only where scripts run; the markup is the same either way.
            Assert.Empty(await BrowserFixture.SeriousAccessibilityViolationsAsync(page));
        }
        await BrowserFixture.ScreenshotAsync(page, javaScript ? "scenario-form-error-en" : "scenario-form-error-no-js-en");

        await page.FillAsync("#budgetMaxHkd", "3,000,000");
        await page.ClickAsync("[data-testid=save]");

        await page.ArrivedAtAsync(new Regex("/officer/scenarios\\?saved=true"));
        Assert.Contains(title, await page.InnerTextAsync("section[aria-labelledby=group-Draft]"));
        await page.Context.CloseAsync();
    }

    internal static async Task FillValidScenarioAsync(IPage page, string title)
    {
        await page.FillAsync("#titleEn", title);
        await page.FillAsync("#titleZh", "路邊噪音熱點測繪");
        await page.FillAsync("#problemEn", "Noise complaints along trunk roads are investigated one at a time by field officers.");
        await page.FillAsync("#problemZh", "主要道路沿線的噪音投訴須由前線人員逐一調查。");
        await page.FillAsync("#expectedOutcomesEn", "A city-wide map of noise hotspots refreshed weekly.");
        await page.FillAsync("#expectedOutcomesZh", "每週更新的全港噪音熱點地圖。");
        await page.SelectOptionAsync("#area", "Environment");
        await page.SelectOptionAsync("#sector", new SelectOptionValue { Index = 1 });
        await page.SelectOptionAsync("#capabilities", new SelectOptionValue { Index = 0 });
        await page.FillAsync("#pilotDurationMonths", "6");
        await page.FillAsync("#kpis-0-nameEn", "Hotspots identified");
        await page.FillAsync("#kpis-0-nameZh", "已識別熱點");
        await page.FillAsync("#kpis-0-target", "50");
        await page.FillAsync("#dataDescriptionEn", "Two years of noise complaints and roadside sensor readings.");
        await page.FillAsync("#dataDescriptionZh", "兩年的噪音投訴及路邊感應器數據。");
        await page.FillAsync("#dataFormat", "CSV");
        await page.FillAsync("#contactName", "Chan Siu-ming");
        await page.FillAsync("#contactEmail", "noise@epd.gov.hk");
    }
}
