using System.Text.RegularExpressions;
using Microsoft.Playwright;

namespace Marketplace.BrowserTests;

/// <summary>The vendor's pages in the browser: a question, a sealed proposal with its receipt, withdrawal and resubmission, saved searches and both inboxes.</summary>
[Collection(BrowserCollection.Name)]
public sealed class VendorPagesTests(BrowserFixture browser)
{
    [Theory]
    [InlineData("en", "vendor.harbourlight@demo.hk")]
    [InlineData("zh-HK", "vendor.lionrock@demo.hk")]
    public async Task A_vendor_asks_a_question_submits_a_proposal_keeps_its_receipt_then_withdraws_and_resubmits(string language, string vendor)
    {
        var unique = Guid.NewGuid().ToString("N")[..8];
        var title = language == "en" ? $"Accessibility checks {unique}" : $"網站無障礙檢查 {unique}";
        var scenario = await PublishedScenarioAsync($"Accessibility checks {unique}", $"網站無障礙檢查 {unique}");
        var page = await browser.NewPageAsync(language);
        await SignIn.AsAsync(page, vendor, $"/scenarios/{scenario}");
        await page.GotoAsync($"/scenarios/{scenario}");
        await AccessibleAsync(page, $"vendor-scenario-{language}");

        // A question: sent, then listed (not yet answered) in the page's Q&A.
        var question = "Are the audit findings available per page or only per site?";
        await page.FillAsync("#question", question);
        await page.ClickAsync("[data-testid=ask]");
        await page.WaitForSelectorAsync("[data-testid=asked]");
        Assert.Contains(question, await page.InnerTextAsync("dl.qa"));
        await BrowserFixture.ScreenshotAsync(page, $"vendor-question-asked-{language}");

        // Muting: the page says the scenario is muted since when, and offers only to unmute; unmuting offers muting again.
        Assert.Equal(0, await page.Locator("[data-testid=unmute]").CountAsync());
        await page.ClickAsync("[data-testid=mute]");
        await page.WaitForSelectorAsync("[data-testid=muted]");
        Assert.Contains("HKT", await page.InnerTextAsync("[data-testid=mute-state]"), StringComparison.Ordinal);
        Assert.Equal(0, await page.Locator("[data-testid=mute]").CountAsync());
        await page.ClickAsync("[data-testid=unmute]");
        await page.WaitForSelectorAsync("[data-testid=mute]");
        Assert.Equal(0, await page.Locator("[data-testid=unmute]").CountAsync());

        await page.ClickAsync("[data-testid=draft-proposal]");
        await page.WaitForSelectorAsync("[data-testid=proposal-form]");
        await AccessibleAsync(page, $"vendor-proposal-form-{language}");
        await FillProposalAsync(page);
        await page.ClickAsync("[data-testid=save-submit]");

        await page.ArrivedAtAsync(new Regex("/receipt\\?submitted=true"));
        Assert.Matches("^[0-9a-f]{64}$", (await page.InnerTextAsync("[data-testid=receipt-hash]")).Trim());
        Assert.EndsWith("HKT", (await page.InnerTextAsync("[data-testid=receipt-time]")).Trim());
        await AccessibleAsync(page, $"vendor-receipt-{language}");
        await page.EmulateMediaAsync(new PageEmulateMediaOptions { Media = Media.Print });
        Assert.False(await page.IsVisibleAsync(".site-nav"));
        await BrowserFixture.ScreenshotAsync(page, $"vendor-receipt-print-{language}");
        await page.EmulateMediaAsync(new PageEmulateMediaOptions { Media = Media.Screen });
        var firstHash = await page.InnerTextAsync("[data-testid=receipt-hash]");

        // Withdraw, then submit again: a new receipt for the same content.
        await page.ClickAsync(".breadcrumbs a[href^='/vendor/proposals/']");
        await page.ClickAsync("[data-testid=withdraw]");
        await page.WaitForSelectorAsync("[data-testid=proposal-done]");
        Assert.True(await page.IsVisibleAsync(".tag-proposal-withdrawn"));
        await AccessibleAsync(page, $"vendor-proposal-withdrawn-{language}");
        await page.ClickAsync("[data-testid=submit]");
        await page.ArrivedAtAsync(new Regex("/receipt\\?submitted=true"));
        Assert.Equal(firstHash, await page.InnerTextAsync("[data-testid=receipt-hash]"));

        await page.ClickAsync("[data-testid=nav-my-proposals]");
        await page.WaitForSelectorAsync("[data-testid=my-proposals]");
        var row = page.Locator("[data-testid=my-proposals] tr", new PageLocatorOptions { HasText = title });
        Assert.Equal(1, await row.Locator(".tag-proposal-submitted").CountAsync());
        await AccessibleAsync(page, $"vendor-my-proposals-{language}");

        // Scores and comments come only after the award; until then the page says so in the reader's language.
        var proposalId = (await row.Locator("a").First.GetAttributeAsync("href"))!.Split('/').Last();
        await page.GotoAsync($"/vendor/proposals/{proposalId}/feedback");
        Assert.Contains(language == "en" ? "once the scenario has been awarded" : "判授後", await page.InnerTextAsync("main"));
        await AccessibleAsync(page, $"vendor-feedback-pending-{language}");
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task The_proposal_form_works_without_JavaScript_and_shows_the_APIs_message_next_to_its_field()
    {
        var scenario = await PublishedScenarioAsync($"Accessibility checks {Guid.NewGuid():N}"[..40], "網站無障礙檢查");
        var page = await browser.NewPageAsync(javaScript: false);
        await SignIn.AsAsync(page, "vendor.pacificmeridian@demo.hk", $"/vendor/scenarios/{scenario}/proposal");
        await page.GotoAsync($"/vendor/scenarios/{scenario}/proposal");
        await FillProposalAsync(page);
        await page.FillAsync("#priceHkd", "");
        await page.ClickAsync("[data-testid=save]");

        await page.WaitForSelectorAsync("[data-testid=error-summary]");
        Assert.True(await page.IsVisibleAsync("[data-testid=error-priceHkd]"));
        Assert.Contains("priceHkd-error", await page.GetAttributeAsync("#priceHkd", "aria-describedby") ?? "");
        Assert.Equal("Data Engineer", await page.InputValueAsync("#teamRoles-0-skill"));
        await BrowserFixture.ScreenshotAsync(page, "vendor-proposal-error-no-js-en");

        await page.FillAsync("#priceHkd", "1,180,000");
        await page.ClickAsync("[data-testid=save]");
        await page.WaitForSelectorAsync("[data-testid=proposal-done]");
        await page.ClickAsync("[data-testid=submit]");
        await page.WaitForSelectorAsync("[data-testid=receipt-hash]");
        await BrowserFixture.ScreenshotAsync(page, "vendor-receipt-no-js-en");
        await page.Context.CloseAsync();
    }

    [Theory]
    [InlineData("en", "vendor.kaitak@demo.hk")]
    [InlineData("zh-HK", "vendor.pacificmeridian@demo.hk")]
    public async Task A_vendor_saves_the_current_search_changes_and_deletes_it_and_reads_both_inboxes(string language, string vendor)
    {
        var page = await browser.NewPageAsync(language);
        await SignIn.AsAsync(page, vendor, "/scenarios?q=drone&area=Mobility");
        await page.GotoAsync("/scenarios?q=drone&area=Mobility");
        await page.ClickAsync("[data-testid=save-this-search]");
        await page.WaitForSelectorAsync("[data-testid=saved-search-form]");
        Assert.Equal("drone", await page.InputValueAsync("#query"));
        Assert.Equal("Mobility", await page.InputValueAsync("#area"));
        await AccessibleAsync(page, $"vendor-saved-search-form-{language}");
        var name = $"Drones {Guid.NewGuid():N}"[..16];
        await page.FillAsync("#name", name);
        await page.ClickAsync("[data-testid=save-search]");
        await page.WaitForSelectorAsync("[data-testid=saved-search-done]");
        var row = page.Locator("[data-testid=saved-searches] tr", new PageLocatorOptions { HasText = name });
        Assert.Equal(1, await row.CountAsync());
        await AccessibleAsync(page, $"vendor-saved-searches-{language}");

        await row.Locator("a[href^='/vendor/saved-searches/']").ClickAsync();
        await page.SelectOptionAsync("#frequency", "Daily");
        await page.ClickAsync("[data-testid=save-search]");
        await page.WaitForSelectorAsync("[data-testid=saved-search-done]");
        Assert.Contains(language == "en" ? "Daily digest" : "每日摘要", await row.InnerTextAsync());
        await page.ClickAsync($"[data-testid='delete-{name}']");
        await page.WaitForSelectorAsync("[data-testid=saved-search-done]");
        Assert.Equal(0, await row.CountAsync());

        await page.ClickAsync("[data-testid=nav-inbox]");
        await page.WaitForSelectorAsync("[data-testid=personal-inbox]");
        Assert.True(await page.IsVisibleAsync("[data-testid=organisation-inbox]"));
        await AccessibleAsync(page, $"vendor-inbox-{language}");
        // The demo vendors' saved searches have already alerted them: mark everything read.
        if (await page.IsVisibleAsync("[data-testid=personal-inbox-read-all]"))
        {
            await page.ClickAsync("[data-testid=personal-inbox-read-all]");
            await page.WaitForSelectorAsync("[data-testid=inbox-done]");
        }
        Assert.False(await page.IsVisibleAsync("[data-testid=personal-inbox] .inbox-item.unread"));
        if (await page.IsVisibleAsync("[data-testid=organisation-inbox-read-all]"))
        {
            await page.ClickAsync("[data-testid=organisation-inbox-read-all]");
            await page.WaitForSelectorAsync("[data-testid=inbox-done]");
        }
        Assert.False(await page.IsVisibleAsync("[data-testid=organisation-inbox] .inbox-item.unread"));
        await BrowserFixture.ScreenshotAsync(page, $"vendor-inbox-read-{language}");

        await page.ClickAsync("[data-testid=nav-recommended]");
        await page.WaitForSelectorAsync("main h1");
        await AccessibleAsync(page, $"vendor-recommended-{language}");
        await page.Context.CloseAsync();
    }

    /// <summary>A scenario of the Digital Policy Office in a batch of its own (deadline in 30 days), once matching lists it as open.</summary>
    private async Task<Guid> PublishedScenarioAsync(string titleEn, string titleZh)
    {
        var id = await browser.Api.PublishScenarioAsync(MarketplaceApi.DigitalPolicyOfficer, titleEn, TimeSpan.FromDays(30), titleZh);
        await browser.Api.WaitUntilOpenForProposalsAsync(id);
        return id;
    }

    internal static async Task FillProposalAsync(IPage page)
    {
        await page.FillAsync("#approach", "A crawler renders each page, an accessibility engine checks it, and a language model explains each fault in plain words.");
        await page.FillAsync("#priceHkd", "1,200,000");
        await page.FillAsync("#durationMonths", "6");
        await page.FillAsync("#supportLevel", "Business hours, 12 months");
        await page.CheckAsync("[data-testid=residency-yes]");
        await page.FillAsync("#teamRoles-0-skill", "Data Engineer");
        await page.SelectOptionAsync("#teamRoles-0-seniority", "Senior");
        await page.FillAsync("#teamRoles-1-skill", "Accessibility Specialist");
        await page.SelectOptionAsync("#teamRoles-1-seniority", "Lead");
    }

    internal static async Task AccessibleAsync(IPage page, string screenshot)
    {
        Assert.Empty(await BrowserFixture.SeriousAccessibilityViolationsAsync(page));
        await BrowserFixture.ScreenshotAsync(page, screenshot);
    }
}
