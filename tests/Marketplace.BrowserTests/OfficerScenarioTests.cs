using System.Text.RegularExpressions;

namespace Marketplace.BrowserTests;

[Collection(ShortDeadlineCollection.Name)]
public sealed class OfficerScenarioTests(ShortDeadlineFixture site)
{
    private const string Officer = MarketplaceApi.TransportOfficer;

    [Theory]
    [InlineData("en", true)]
    [InlineData("zh-HK", true)]
    [InlineData("en", false)]
    public async Task An_officer_amends_a_published_scenario_under_the_extension_rule_and_answers_a_vendors_question(string language, bool javaScript)
    {
        var title = OfficerTestSteps.Unique("Junction signal timing");
        // An hour before the deadline: within 7 days, so the amendment moves the deadline.
        var id = await site.Api.PublishScenarioAsync(Officer, title, TimeSpan.FromHours(1));
        await site.Api.AskAsync(MarketplaceApi.Vendors[0], id, "May we use the loop-detector counts for a two-week trial before bidding?");
        var page = await site.NewPageAsync(language, javaScript);
        await SignIn.AsAsync(page, Officer, "/officer/scenarios");

        await page.ClickAsync($"[data-testid=manage-{id}]");
        await page.ArrivedAtAsync(new Regex($"/officer/scenarios/{id}/manage$"));
        // With JavaScript the address changes before enhanced navigation has put the new page in place.
        await page.WaitForSelectorAsync("[data-testid=question]");
        Assert.Equal(1, await page.Locator("[data-testid=question]").CountAsync());
        await OfficerTestSteps.CheckAsync(page, "manage", language, javaScript);

        await page.ClickAsync("[data-testid=amend-link]");
        await page.WaitForSelectorAsync("[data-testid=extension-rule]");
        await OfficerTestSteps.CheckAsync(page, "amend", language, javaScript);
        await page.FillAsync("#scenario-titleEn", title + " (amended)");
        await page.FillAsync("#summaryEn", "The title now names the pilot junctions.");
        await page.FillAsync("#summaryZh", "標題現已列明試點路口。");
        await page.ClickAsync("[data-testid=publish-amendment]");

        await page.ArrivedAtAsync(new Regex("done=amended"));
        await page.WaitForSelectorAsync("[data-testid=amendment]");
        var amendment = page.Locator("[data-testid=amendment]");
        Assert.Equal(1, await amendment.CountAsync());
        // Fewer than 7 days were left: the catalogue extended the deadline, and the page says so.
        Assert.Equal(1, await amendment.Locator(".tag").CountAsync());

        // An empty answer: the API's message lands next to its field, with the summary at the top.
        await page.ClickAsync("[data-testid=answer]");
        await page.WaitForSelectorAsync("[data-testid=error-summary]");
        Assert.True(await page.Locator("[data-testid$=answerEn]").CountAsync() >= 1);
        await OfficerTestSteps.CheckAsync(page, "answer-error", language, javaScript);
        var form = page.Locator("[data-testid=answer-form]");
        await form.Locator("textarea").Nth(0).FillAsync("Yes: ask the contact for a data-sharing agreement; the counts are anonymised.");
        await form.Locator("textarea").Nth(1).FillAsync("可以：請向聯絡人申請數據共享協議；有關數據已匿名處理。");
        await page.ClickAsync("[data-testid=answer]");

        await page.ArrivedAtAsync(new Regex("done=answered"));
        await page.WaitForSelectorAsync("[data-testid=question] .answer");
        Assert.Equal(0, await page.Locator("[data-testid=answer-form]").CountAsync());
        Assert.Contains("data-sharing agreement", await page.InnerTextAsync("[data-testid=question]"));
        await OfficerTestSteps.CheckAsync(page, "answered", language, javaScript);

        await page.GotoAsync("/officer/questions");
        await page.WaitForSelectorAsync("h1");
        await OfficerTestSteps.CheckAsync(page, "questions", language, javaScript);
        await page.GotoAsync($"/officer/scenarios/{id}/recommended-vendors");
        await page.WaitForSelectorAsync("h1");
        await OfficerTestSteps.CheckAsync(page, "recommended-vendors", language, javaScript);
        await page.Context.CloseAsync();
    }

    [Theory]
    [InlineData("en")]
    [InlineData("zh-HK")]
    public async Task An_officer_drafts_a_success_case_approves_it_for_the_department_and_reads_the_replication_interest(string language)
    {
        var page = await site.NewPageAsync(language);
        await SignIn.AsAsync(page, "officer.ha@demo.hk", "/officer/success-cases");
        await page.WaitForSelectorAsync("[data-testid=success-cases]");
        await OfficerTestSteps.CheckAsync(page, "success-cases", language, true);

        // The demo data's published retinal screening case has a chamber's interest.
        await page.Locator("[data-testid=interests-link]").First.ClickAsync();
        await page.WaitForSelectorAsync("[data-testid=interests]");
        Assert.True(await page.Locator("[data-testid=interests] tbody tr").CountAsync() >= 1);
        await OfficerTestSteps.CheckAsync(page, "interests", language, true);

        await page.GotoAsync("/officer/success-cases/new");
        await page.WaitForSelectorAsync("[data-testid=success-case-form]");
        await OfficerTestSteps.CheckAsync(page, "success-case-draft", language, true);
        var suffix = Guid.NewGuid().ToString("N")[..8];
        await page.FillAsync("#titleEn", "Retinal grading rollout " + suffix);
        await page.FillAsync("#titleZh", "視網膜評級推廣 " + suffix);
        await page.FillAsync("#summaryEn", "Photographs graded within a day in two clusters.");
        await page.FillAsync("#summaryZh", "兩個聯網的眼底照片於一日內完成評級。");
        await page.FillAsync("#outcomesEn", "The screening backlog cleared in four months.");
        await page.FillAsync("#outcomesZh", "篩查積壓個案於四個月內清理完畢。");
        await page.SelectOptionAsync("#area", "Living");
        await page.SelectOptionAsync("#sector", new Microsoft.Playwright.SelectOptionValue { Index = 1 });
        await page.ClickAsync("[data-testid=save-success-case]");

        await page.ArrivedAtAsync(new Regex("done=drafted"));
        var row = page.Locator("[data-testid=success-cases] tbody tr", new() { HasText = suffix });
        await row.Locator("[data-testid=approve-case]").ClickAsync();
        await page.ArrivedAtAsync(new Regex("done=approved"));
        // The department's approval alone does not publish it: the vendor's approve button is the vendor's.
        Assert.Equal(0, await page.Locator("[data-testid=success-cases] tbody tr", new() { HasText = suffix }).Locator("[data-testid=approve-case]").CountAsync());
        await OfficerTestSteps.CheckAsync(page, "success-case-approved", language, true);
        await page.Context.CloseAsync();
    }
}
