using System.Text.RegularExpressions;
using Microsoft.Playwright;

namespace Marketplace.BrowserTests;

/// <summary>
/// Funding in the browser from an award to the success-case draft: the award (made through the HTTP API on the
/// short-deadline host) opens an application under the scheme the scenario seeks; the vendor completes and submits it;
/// the funding body assigns, declares, scores, funds, plans, and accepts the last milestone; the department's officer
/// finds the success case drafted from the project's outcome and approves it. In English with JavaScript (axe on every
/// page) and in Chinese without.
/// </summary>
[Collection(FundingAwardCollection.Name)]
public sealed class FundingFromAwardFlowTests(ShortDeadlineFixture site)
{
    [Theory]
    [InlineData("en", true, "vendor.harbourlight@demo.hk")]
    [InlineData("zh-HK", false, "vendor.lionrock@demo.hk")]
    public async Task An_award_becomes_a_funded_project_whose_last_accepted_milestone_drafts_the_success_case(string language, bool javaScript, string vendorEmail)
    {
        var step = 0;
        var violations = new List<string>();
        async Task Shot(IPage page, string name)
        {
            if (javaScript)
            {
                violations.AddRange(await BrowserFixture.SeriousAccessibilityViolationsAsync(page));
            }
            await BrowserFixture.ScreenshotAsync(page, $"funding-award-{language}{(javaScript ? "" : "-no-js")}-{++step:00}-{name}");
        }
        var suffix = Guid.NewGuid().ToString("N")[..8];
        var (title, titleZh) = ($"Junction queue forecasting {suffix}", $"路口車龍預測 {suffix}");
        var shown = language == "en" ? title : titleZh;

        // The award of a scenario that seeks the Public Sector Trial Scheme; funding opens its application over the bus.
        await site.Api.AwardWithTeamRoleAsync(MarketplaceApi.TransportOfficer, vendorEmail, title, titleZh, TimeSpan.FromSeconds(25), ["PSTS"]);
        var applications = await site.Api.EventuallyGetJsonAsync(vendorEmail, "/api/funding/applications?pageSize=100",
            b => b.GetProperty("items").EnumerateArray().Any(a => a.GetProperty("titleEn").GetString() == title), TimeSpan.FromSeconds(30),
            "the award to open a funding application");
        var id = applications.GetProperty("items").EnumerateArray().First(a => a.GetProperty("titleEn").GetString() == title).GetProperty("id").GetString()!;

        // The vendor finds the application the award opened among its own, with the project's titles, and completes it.
        var vendor = await site.NewPageAsync(language, javaScript);
        await SignIn.AsAsync(vendor, vendorEmail, "/funding/applications");
        await vendor.WaitForSelectorAsync($"[data-testid=applications] a[href='/funding/applications/{id}']");
        Assert.Contains(shown, await vendor.InnerTextAsync("[data-testid=applications]"));
        await Shot(vendor, "applications");
        await vendor.ClickAsync($"[data-testid=applications] a[href='/funding/applications/{id}']");
        await vendor.ClickAsync("[data-testid=edit-application]");
        await vendor.ArrivedAtAsync(new Regex($"/funding/applications/{id}/edit$"));
        await Shot(vendor, "edit");
        var steps = new FundingSteps(Shot);
        await steps.CompleteAndSubmitAsync(vendor, id,
            [("Manpower", "600,000", "Two engineers for six months"), ("Computing", "300,000", "Edge inference units")], "450,000");
        // Half of the whole eligible cost under this scheme: 50 % of HK$900,000.
        Assert.Equal("HK$450,000", (await vendor.InnerTextAsync("[data-testid=recommended-grant]")).Trim());
        await Shot(vendor, "submitted");

        var officer = await site.NewPageAsync(language, javaScript);
        await SignIn.AsAsync(officer, FundingSteps.Officer, "/funding/applications?status=Submitted");
        await steps.AssignEveryAssessorAsync(officer, id);
        var assessor = await site.NewPageAsync(language, javaScript);
        await SignIn.AsAsync(assessor, FundingSteps.Assessor, "/funding/assignments");
        await steps.DeclareAndScoreAsync(assessor, "assessor", id, shown, "8");
        await steps.DeclareAndScoreAsync(officer, "officer", id, shown, "7");
        await steps.FundAndPlanOneMilestoneAsync(officer, id, "450000", "HK$450,000");
        var (outcomeEn, outcomeZh) = ($"Queues forecast 15 minutes ahead {suffix}.", $"提前十五分鐘預測車龍 {suffix}。");
        await steps.ReportLastMilestoneAsync(vendor, id, "Forecast accuracy", "預測準確度", outcomeEn, outcomeZh);
        await steps.AcceptMilestoneAsync(officer, id, "HK$450,000");

        // The last accepted milestone completes the project; the catalogue drafts its success case for the department.
        var department = await site.NewPageAsync(language, javaScript);
        await SignIn.AsAsync(department, MarketplaceApi.TransportOfficer, "/officer/success-cases");
        var row = $"[data-testid=success-cases] tr:has-text('{shown}')";
        for (var attempt = 0; attempt < 30 && await department.Locator(row).CountAsync() == 0; attempt++)
        {
            // The draft crosses the bus from funding to the catalogue: look again until it is there.
            await Task.Delay(1_000);
            await department.GotoAsync("/officer/success-cases");
        }
        Assert.Contains(language == "en" ? "Draft" : "草稿", await department.InnerTextAsync(row));
        await Shot(department, "success-case-draft");
        await department.ClickAsync($"{row} [data-testid=approve-case]");
        await department.WaitForSelectorAsync("[data-testid=done]");
        Assert.DoesNotContain("approve-case", await department.InnerHTMLAsync(row));
        await Shot(department, "success-case-approved");

        Assert.Empty(violations);
        foreach (var page in new[] { vendor, officer, assessor, department })
        {
            await page.Context.CloseAsync();
        }
    }
}

/// <summary>A short-deadline host of its own, so the award-to-success-case flow runs beside the other collections.</summary>
[CollectionDefinition(Name)]
public sealed class FundingAwardCollection : ICollectionFixture<ShortDeadlineFixture>
{
    public const string Name = "browser-funding-from-award";
}
