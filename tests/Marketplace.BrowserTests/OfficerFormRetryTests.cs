using System.Text.RegularExpressions;
using Microsoft.Playwright;

namespace Marketplace.BrowserTests;

/// <summary>"Save and submit" of a new scenario whose submission fails after the save: trying again changes that draft.</summary>
[Collection(BrowserCollection.Name)]
public sealed class OfficerFormRetryTests(BrowserFixture browser)
{
    private const string Officer = "officer.epd@demo.hk";

    [Fact]
    public async Task Submitting_again_after_a_failed_submission_submits_the_saved_draft_instead_of_making_a_second_one()
    {
        var batchId = await browser.Api.CreateBatchAsync(TimeSpan.FromDays(30));
        var page = await browser.NewPageAsync(javaScript: false);
        await SignIn.AsAsync(page, Officer, "/officer/scenarios/new");
        var title = $"Roadside noise hotspot mapping {Guid.NewGuid():N}"[..48];
        await page.GotoAsync("/officer/scenarios/new");
        await OfficerFormTests.FillValidScenarioAsync(page, title);
        await page.FillAsync("#budgetMinHkd", "500,000");
        await page.FillAsync("#budgetMaxHkd", "2,000,000");

        // No batch chosen: the draft is saved, the submission refused.
        await page.ClickAsync("[data-testid=save-submit]");
        await page.WaitForSelectorAsync("[data-testid=error-batchId]");
        await BrowserFixture.ScreenshotAsync(page, "scenario-form-submit-failed-no-js-en");

        await page.SelectOptionAsync("#batchId", batchId.ToString());
        await page.ClickAsync("[data-testid=save-submit]");
        await page.ArrivedAtAsync(new Regex("/officer/scenarios\\?saved=true"));
        var submitted = page.Locator("section[aria-labelledby=group-Submitted] a", new PageLocatorOptions { HasText = title });
        await submitted.WaitForAsync();
        Assert.Equal(1, await submitted.CountAsync());
        Assert.DoesNotContain(title, await page.InnerTextAsync("section[aria-labelledby=group-Draft]"));

        var id = Guid.Parse((await submitted.GetAttributeAsync("href"))!.Split('/').Last());
        await browser.Api.CancelScenarioAsync(Officer, id);
        await page.Context.CloseAsync();
    }
}
