using Microsoft.Playwright;

namespace Marketplace.BrowserTests;

/// <summary>A chamber member's interest in a success case; the vendor manager's organisation, API client and showcase pages.</summary>
[Collection(BrowserCollection.Name)]
public sealed class ChamberAndOrganisationPagesTests(BrowserFixture browser)
{
    [Theory]
    [InlineData("en", "member.hkgcc@demo.hk")]
    [InlineData("zh-HK", "member.cma@demo.hk")]
    public async Task A_chamber_member_registers_interest_to_replicate_a_success_case_and_sees_it_registered(string language, string member)
    {
        var page = await browser.NewPageAsync(language);
        await SignIn.AsAsync(page, member, "/success-cases");
        await page.GotoAsync("/success-cases");
        await page.ClickAsync("[data-testid=success-case-link] >> nth=0");
        await page.WaitForSelectorAsync("[data-testid=interest-form]");
        await VendorPagesTests.AccessibleAsync(page, $"chamber-success-case-{language}");

        var note = $"Twelve member companies want the same {Guid.NewGuid():N}"[..52];
        await page.SelectOptionAsync("#sector", "logistics");
        await page.FillAsync("#note", note);
        await page.ClickAsync("[data-testid=register-interest]");

        await page.WaitForSelectorAsync("[data-testid=interest-registered]");
        Assert.Contains(note, await page.InnerTextAsync("[data-testid=own-interests]"));
        await VendorPagesTests.AccessibleAsync(page, $"chamber-interest-registered-{language}");
        await page.Context.CloseAsync();
    }

    [Theory]
    [InlineData("en")]
    [InlineData("zh-HK")]
    public async Task A_vendor_manager_sees_the_organisation_creates_an_API_client_once_and_publishes_a_solution(string language)
    {
        var page = await browser.NewPageAsync(language);
        await SignIn.AsAsync(page, "vendor.kaitak@demo.hk", "/vendor/organisation");
        await page.GotoAsync("/vendor/organisation");
        await page.WaitForSelectorAsync("[data-testid=organisation-form]");
        await VendorPagesTests.AccessibleAsync(page, $"vendor-organisation-{language}");

        await page.ClickAsync("[data-testid=members-link]");
        await page.WaitForSelectorAsync("[data-testid=members]");
        Assert.Contains("vendor.kaitak@demo.hk", await page.InnerTextAsync("[data-testid=members]"));
        await VendorPagesTests.AccessibleAsync(page, $"vendor-members-{language}");

        await page.GotoAsync("/vendor/organisation/clients");
        var name = $"Bid system {Guid.NewGuid():N}"[..20];
        await page.FillAsync("#name", name);
        await page.ClickAsync("[data-testid=create-client]");
        await page.WaitForSelectorAsync("[data-testid=client-secret]");
        Assert.False(string.IsNullOrWhiteSpace(await page.InnerTextAsync("[data-testid=created-client-secret]")));
        await VendorPagesTests.AccessibleAsync(page, $"vendor-api-client-created-{language}");
        // Shown once: reading the page again shows the client, never its secret.
        await page.GotoAsync("/vendor/organisation/clients");
        Assert.False(await page.IsVisibleAsync("[data-testid=client-secret]"));
        await page.ClickAsync($"[data-testid='revoke-{name}']");
        await page.WaitForSelectorAsync("[data-testid=client-revoked]");

        await page.GotoAsync("/vendor/solutions/new");
        var solution = $"Web audit {Guid.NewGuid():N}"[..20];
        await page.FillAsync("#nameEn", solution);
        await page.FillAsync("#nameZh", "網頁審核 " + solution[^8..]);
        await page.FillAsync("#summaryEn", "Automated accessibility audits of public websites.");
        await page.FillAsync("#summaryZh", "公共網站的自動無障礙審核。");
        await page.FillAsync("#descriptionEn", "Crawls, checks and explains accessibility faults every week.");
        await page.FillAsync("#descriptionZh", "每週爬取、檢查並解釋無障礙問題。");
        await page.SelectOptionAsync("#capabilities", "nlp");
        await page.SelectOptionAsync("#sectors", "public-services");
        await VendorPagesTests.AccessibleAsync(page, $"vendor-solution-form-{language}");
        await page.ClickAsync("[data-testid=save-publish-solution]");
        await page.WaitForSelectorAsync("[data-testid=solution-done]");
        var row = page.Locator("[data-testid=my-solutions] tr", new PageLocatorOptions { HasText = language == "en" ? solution : "網頁審核 " + solution[^8..] });
        Assert.True(await row.First.Locator(".tag-solution-published").IsVisibleAsync());
        await row.First.Locator("[data-testid=withdraw-solution]").ClickAsync();
        await page.WaitForSelectorAsync("[data-testid=solution-done]");
        await VendorPagesTests.AccessibleAsync(page, $"vendor-solutions-{language}");
        await page.Context.CloseAsync();
    }
}
