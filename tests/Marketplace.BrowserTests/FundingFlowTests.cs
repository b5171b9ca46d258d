using System.Text.RegularExpressions;
using Microsoft.Playwright;

namespace Marketplace.BrowserTests;

/// <summary>
/// Funding in the browser from a vendor's application to the last accepted milestone, across the vendor, the
/// assessor and the funding officer: once in English with JavaScript (and axe on every page), once in Chinese without.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed partial class FundingFlowTests(BrowserFixture browser)
{
    [Theory]
    [InlineData("en", true, "vendor.harbourlight@demo.hk", "AI Subsidy Scheme")]
    [InlineData("zh-HK", false, "vendor.lionrock@demo.hk", "人工智能資助計劃")]
    public async Task A_vendor_applies_an_assessor_declares_and_scores_and_the_officer_funds_and_pays_each_milestone(
        string language, bool javaScript, string vendorEmail, string schemeName)
    {
        var step = 0;
        var violations = new List<string>();
        async Task Shot(IPage page, string name)
        {
            if (javaScript)
            {
                violations.AddRange(await BrowserFixture.SeriousAccessibilityViolationsAsync(page));
            }
            await BrowserFixture.ScreenshotAsync(page, $"funding-{language}{(javaScript ? "" : "-no-js")}-{++step:00}-{name}");
        }
        var suffix = Guid.NewGuid().ToString("N")[..8];
        var title = $"GPU hours for cargo tally {suffix}";
        var titleZh = $"貨櫃點算算力 {suffix}";
        var shown = language == "en" ? title : titleZh;

        // The vendor finds the scheme and opens an application.
        var vendor = await browser.NewPageAsync(language, javaScript);
        await SignIn.AsAsync(vendor, vendorEmail, "/funding/schemes");
        await Shot(vendor, "schemes");
        await vendor.ClickAsync($"[data-testid=schemes] a:text-is('{schemeName}')");
        await vendor.WaitForSelectorAsync("[data-testid=scheme-rules]");
        await Shot(vendor, "scheme");
        await vendor.FillAsync("#titleEn", title);
        await vendor.FillAsync("#titleZh", titleZh);
        await vendor.SelectOptionAsync("#sector", new SelectOptionValue { Index = 1 });
        await vendor.ClickAsync("[data-testid=open-application]");
        await vendor.ArrivedAtAsync(new Regex("/funding/applications/[0-9a-f-]{36}/edit$"));
        var id = ApplicationId().Match(vendor.Url).Groups[1].Value;

        // A budget line that is not a number is named next to its field; what was typed stays.
        await vendor.SelectOptionAsync("#budget-0-costType", "Computing");
        await vendor.FillAsync("#budget-0-amountHkd", "400,000");
        await vendor.FillAsync("#budget-0-description", "GPU hours for model training");
        await vendor.SelectOptionAsync("#budget-1-costType", "Manpower");
        await vendor.FillAsync("#budget-1-amountHkd", "a lot");
        await vendor.FillAsync("#budget-1-description", "Two engineers");
        await vendor.FillAsync("#companyContributionHkd", "150000");
        await vendor.ClickAsync("[data-testid=save-application]");
        await vendor.WaitForSelectorAsync("[data-testid=error-budget-1-amountHkd]");
        Assert.Equal("400,000", await vendor.InputValueAsync("#budget-0-amountHkd"));
        await Shot(vendor, "application-error");
        var steps = new FundingSteps(Shot);
        await steps.CompleteAndSubmitAsync(vendor, id,
            [("Computing", "400,000", "GPU hours for model training"), ("Manpower", "100000", "Two engineers")], "150000");
        // Only computing is eligible under this scheme: 70 % of HK$400,000.
        Assert.Equal("HK$280,000", (await vendor.InnerTextAsync("[data-testid=recommended-grant]")).Trim());
        Assert.Equal(1, await vendor.Locator("[data-testid=verdict].verdict-pass").CountAsync());
        Assert.Equal(0, await vendor.Locator("[data-testid=eligibility] .tag-rule-fail").CountAsync());
        await Shot(vendor, "submitted");

        // The funding officer assigns the body's assessor and themself: the body has two people who may assess, and
        // the scheme asks for two. Each declares, then scores.
        var officer = await browser.NewPageAsync(language, javaScript);
        await SignIn.AsAsync(officer, FundingSteps.Officer, "/funding/applications?status=Submitted");
        await steps.AssignEveryAssessorAsync(officer, id);
        var assessor = await browser.NewPageAsync(language, javaScript);
        await SignIn.AsAsync(assessor, FundingSteps.Assessor, "/funding/assignments");
        await steps.DeclareAndScoreAsync(assessor, "assessor", id, shown, "8");
        await steps.DeclareAndScoreAsync(officer, "officer", id, shown, "7");

        // The officer decides with the engine's grant and plans one milestone of the whole grant; the vendor reports it
        // with the project's outcome; the officer accepts it and the payment is released; the vendor reads the feedback.
        await steps.FundAndPlanOneMilestoneAsync(officer, id, "280000", "HK$280,000");
        await steps.ReportLastMilestoneAsync(vendor, id, "Tally accuracy", "點算準確度", "Manual tallies replaced at two terminals.", "兩個碼頭已不再以人手點算。");
        await steps.AcceptMilestoneAsync(officer, id, "HK$280,000");

        await vendor.GotoAsync($"/funding/applications/{id}");
        await vendor.ClickAsync("[data-testid=feedback-link]");
        await vendor.ArrivedAtAsync(new Regex($"/funding/applications/{id}/feedback$"));
        await vendor.WaitForSelectorAsync("[data-testid=feedback-decision]");
        Assert.Contains("計劃清晰", await vendor.InnerTextAsync("main"));
        await Shot(vendor, "feedback");

        Assert.Empty(violations);
        foreach (var page in new[] { vendor, officer, assessor })
        {
            await page.Context.CloseAsync();
        }
    }

    [GeneratedRegex("/funding/applications/([0-9a-f-]{36})/edit$")]
    private static partial Regex ApplicationId();
}
