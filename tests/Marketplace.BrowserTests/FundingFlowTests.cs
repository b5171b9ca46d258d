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
        await vendor.FillAsync("#budget-1-amountHkd", "100000");
        await vendor.CheckAsync("#declaredNoOtherPublicFunding");
        await vendor.CheckAsync("#declaredInformationTrue");
        await vendor.ClickAsync("[data-testid=submit-application]");
        await vendor.ArrivedAtAsync(new Regex($"/funding/applications/{id}\\?saved=submitted$"));
        // Only computing is eligible under this scheme: 70 % of HK$400,000.
        Assert.Equal("HK$280,000", (await vendor.InnerTextAsync("[data-testid=recommended-grant]")).Trim());
        Assert.Equal(1, await vendor.Locator("[data-testid=verdict].verdict-pass").CountAsync());
        Assert.Equal(0, await vendor.Locator("[data-testid=eligibility] .tag-rule-fail").CountAsync());
        await Shot(vendor, "submitted");

        // The funding officer assigns the body's assessor and themself.
        var officer = await browser.NewPageAsync(language, javaScript);
        await SignIn.AsAsync(officer, "funding.itf@demo.hk", "/funding/applications?status=Submitted");
        await Shot(officer, "queue");
        await officer.ClickAsync($"[data-testid=applications] a[href='/funding/applications/{id}']");
        await officer.ClickAsync("[data-testid=assign-assessors]");
        await officer.WaitForSelectorAsync("[data-testid=assign-form]");
        foreach (var box in await officer.Locator("[data-testid=assign-form] input[type=checkbox]").AllAsync())
        {
            await box.CheckAsync();
        }
        await Shot(officer, "assign");
        await officer.ClickAsync("[data-testid=assign]");
        await officer.ArrivedAtAsync(new Regex($"/funding/applications/{id}\\?saved=assigned$"));

        // Each assessor is told whose application it is and its title, to declare informed, and nothing more of it
        // until declaring no conflict; then scores it. The body has
        // two people who may assess, and the scheme asks for two, so the officer is the second assessor.
        var assessor = await browser.NewPageAsync(language, javaScript);
        await SignIn.AsAsync(assessor, "assessor.itf@demo.hk", "/funding/assignments");
        foreach (var (who, page, score) in new[] { ("assessor", assessor, "8"), ("officer", officer, "7") })
        {
            await page.GotoAsync("/funding/assignments");
            await page.WaitForSelectorAsync($"a[href='/funding/assignments/{id}']");
            Assert.Contains(shown, await page.InnerTextAsync("[data-testid=assignments]"));
            await Shot(page, who + "-assignments");
            await page.ClickAsync($"a[href='/funding/assignments/{id}']");
            await page.WaitForSelectorAsync("[data-testid=declare-form]");
            Assert.Contains(shown, await page.InnerTextAsync("[data-testid=declare-subject]"));
            await Shot(page, who + "-declare");
            await page.CheckAsync("#answer-accept");
            await page.ClickAsync("[data-testid=send-declaration]");
            await page.ArrivedAtAsync(new Regex($"/funding/applications/{id}/assess$"));
            await page.WaitForSelectorAsync("[data-testid=score-form]");
            Assert.Contains(shown, await page.InnerTextAsync("main"));
            foreach (var select in await page.Locator("[data-testid=score-form] select").AllAsync())
            {
                await select.SelectOptionAsync(score);
            }
            await page.FillAsync("#feedback", "Clear plan; the computing estimate is realistic. 計劃清晰。");
            await page.CheckAsync("#recommendation-Fund");
            await Shot(page, who + "-score");
            await page.ClickAsync("[data-testid=send-scores]");
            await page.WaitForSelectorAsync("[data-testid=saved]");
        }

        // The officer decides with the engine's grant and plans one milestone of the whole grant.
        await officer.GotoAsync($"/funding/applications/{id}");
        await officer.WaitForSelectorAsync("[data-testid=scoring]");
        await officer.ClickAsync("[data-testid=decide]");
        Assert.Equal("280000", await officer.InputValueAsync("#amountHkd"));
        await officer.CheckAsync("#outcome-Funded");
        await officer.FillAsync("#reasons", "Both criteria passed; the computing cost is eligible.");
        await Shot(officer, "decision");
        await officer.ClickAsync("[data-testid=record-decision]");
        await officer.ArrivedAtAsync(new Regex($"/funding/applications/{id}\\?saved=decided$"));
        Assert.Equal("HK$280,000", (await officer.InnerTextAsync("[data-testid=granted]")).Trim());
        await officer.ClickAsync("[data-testid=plan-milestones]");
        await officer.FillAsync("#milestones-0-deliverableEn", "Trained model and tally report");
        await officer.FillAsync("#milestones-0-deliverableZh", "已訓練模型及點算報告");
        await officer.FillAsync("#milestones-0-dueAt", "2027-06-30");
        await officer.FillAsync("#milestones-0-amountHkd", "280,000");
        await Shot(officer, "plan");
        await officer.ClickAsync("[data-testid=save-plan]");
        await officer.ArrivedAtAsync(new Regex($"/funding/applications/{id}\\?saved=planned$"));

        // The vendor reports the last milestone with the project's outcome.
        await vendor.GotoAsync($"/funding/applications/{id}");
        await vendor.ClickAsync("[data-testid=report-1]");
        await vendor.FillAsync("#progressEn", "The model tallies containers at 98 % accuracy.");
        await vendor.FillAsync("#progressZh", "模型點算貨櫃的準確度達 98%。");
        await vendor.FillAsync("#kpis-0-nameEn", "Tally accuracy");
        await vendor.FillAsync("#kpis-0-nameZh", "點算準確度");
        await vendor.FillAsync("#kpis-0-target", "95 %");
        await vendor.FillAsync("#kpis-0-achieved", "98 %");
        await vendor.FillAsync("#outcomeSummaryEn", "Manual tallies replaced at two terminals.");
        await vendor.FillAsync("#outcomeSummaryZh", "兩個碼頭已不再以人手點算。");
        await Shot(vendor, "report");
        await vendor.ClickAsync("[data-testid=send-report]");
        await vendor.ArrivedAtAsync(new Regex($"/funding/applications/{id}\\?saved=reported$"));

        // The officer accepts it and the payment is released; the vendor reads the feedback.
        await officer.GotoAsync($"/funding/applications/{id}");
        await officer.ClickAsync("[data-testid=review-1]");
        await officer.WaitForSelectorAsync("[data-testid=milestone-report]");
        await Shot(officer, "review");
        await officer.ClickAsync("[data-testid=accept-milestone]");
        await officer.ArrivedAtAsync(new Regex($"/funding/applications/{id}\\?saved=accepted$"));
        Assert.Contains("HK$280,000", await officer.InnerTextAsync("[data-testid=milestones]"));
        await Shot(officer, "paid");

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
