using System.Globalization;
using System.Text.RegularExpressions;
using Microsoft.Playwright;

namespace Marketplace.BrowserTests;

/// <summary>
/// The whole flow across roles, every step in the browser by the person whose step it is (one browser context each):
/// the administrator opens a batch, the officer drafts and submits a scenario into it, the administrator approves it and
/// publishes the batch; a vendor asks and the officer answers; three vendors submit sealed proposals; the deadline passes;
/// the officer declares, scores and awards; a losing vendor reads its scores; a chamber member registers interest in a
/// success case. Once in English, once in Chinese; axe and a screenshot on every step.
/// </summary>
[Collection(ShortDeadlineCollection.Name)]
public sealed partial class CrossRoleFlowTests(ShortDeadlineFixture site)
{
    private const string Officer = MarketplaceApi.TransportOfficer;
    private const string Admin = MarketplaceApi.Admin;
    private const string Member = "member.hkgcc@demo.hk";

    [Theory]
    [InlineData("en")]
    [InlineData("zh-HK")]
    public async Task Officer_administrator_vendors_and_a_chamber_member_go_through_the_whole_flow_in_the_browser(string language)
    {
        var flow = new Flow(language);
        var tag = Guid.NewGuid().ToString("N")[..8];
        var titleEn = $"Bus stop crowding forecast {tag}";
        var titleZh = $"巴士站人流預測 {tag}";
        var contexts = new List<IBrowserContext>();
        async Task<IPage> PersonAsync(string email, string returnTo)
        {
            var page = await site.NewPageAsync(language);
            contexts.Add(page.Context);
            await SignIn.AsAsync(page, email, returnTo);
            return page;
        }

        try
        {
            // 1. The administrator opens a new batch, its proposal deadline a few minutes ahead (Hong Kong time, to the minute).
            var admin = await PersonAsync(Admin, "/admin/batches");
            await admin.GotoAsync("/admin/batches");
            await admin.WaitForSelectorAsync("[data-testid=batch-form]");
            await flow.StepAsync(admin, "admin-batches");
            var deadline = (DateTimeOffset.UtcNow + TimeSpan.FromMinutes(4)).ToOffset(TimeSpan.FromHours(8));
            await admin.FillAsync("#year", Random.Shared.Next(2030, 2100).ToString(CultureInfo.InvariantCulture));
            await admin.FillAsync("#number", Random.Shared.Next(1, 100).ToString(CultureInfo.InvariantCulture));
            await admin.FillAsync("#descriptionEn", "Scenarios of the cross-role flow test.");
            await admin.FillAsync("#descriptionZh", "跨角色流程測試的應用場景。");
            await admin.FillAsync("#proposalDeadline", deadline.ToString("yyyy-MM-dd'T'HH:mm", CultureInfo.InvariantCulture));
            await admin.ClickAsync("[data-testid=create-batch]");
            await admin.ArrivedAtAsync(BatchPage());
            var batchId = Guid.Parse(BatchPage().Match(admin.Url).Groups[1].Value);
            await admin.WaitForSelectorAsync("[data-testid=batch-status]");
            await flow.StepAsync(admin, "admin-batch-created");

            // The officer drafts the scenario and submits it into that batch.
            var officer = await PersonAsync(Officer, "/officer/scenarios/new");
            await officer.GotoAsync("/officer/scenarios/new");
            await officer.WaitForSelectorAsync("[data-testid=scenario-form]");
            await OfficerFormTests.FillValidScenarioAsync(officer, titleEn);
            await officer.FillAsync("#titleZh", titleZh);
            await officer.SelectOptionAsync("#area", "Mobility");
            await officer.FillAsync("#budgetMinHkd", "500,000");
            await officer.FillAsync("#budgetMaxHkd", "2,000,000");
            await officer.SelectOptionAsync("#batchId", batchId.ToString());
            await flow.StepAsync(officer, "officer-draft");
            await officer.ClickAsync("[data-testid=save-submit]");
            await officer.ArrivedAtAsync(new Regex("/officer/scenarios\\?saved=true"));
            var link = officer.Locator("section[aria-labelledby=group-Submitted] a", new PageLocatorOptions { HasText = tag });
            await link.WaitForAsync();
            var id = Guid.Parse((await link.GetAttributeAsync("href"))!.Split('/').Last());
            await flow.StepAsync(officer, "officer-submitted");

            // The administrator approves it and publishes the batch.
            await admin.GotoAsync("/admin/scenarios");
            await admin.WaitForSelectorAsync($"[data-testid=submission-{id}]");
            await flow.StepAsync(admin, "admin-submission");
            await admin.ClickAsync($"[data-testid=approve-{id}]");
            await admin.WaitForSelectorAsync("[data-testid=done]");
            await admin.GotoAsync($"/admin/batches/{batchId}");
            Assert.Equal("1", (await admin.InnerTextAsync("[data-testid=approved-count]")).Trim());
            await admin.ClickAsync("[data-testid=publish-batch]");
            await admin.WaitForSelectorAsync("[data-testid=done]");
            Assert.Equal("1", (await admin.InnerTextAsync("[data-testid=public-count]")).Trim());
            await flow.StepAsync(admin, "admin-batch-published");

            // 2. A vendor asks a question on the scenario's page.
            var asking = await PersonAsync(MarketplaceApi.Vendors[0], $"/scenarios/{id}");
            await asking.GotoAsync($"/scenarios/{id}");
            await asking.WaitForSelectorAsync("[data-testid=question-form]");
            var question = $"Are the bus arrival records per stop or per route ({tag})?";
            await asking.FillAsync("#question", question);
            await asking.ClickAsync("[data-testid=ask]");
            await asking.WaitForSelectorAsync("[data-testid=asked]");
            Assert.Contains(question, await asking.InnerTextAsync("dl.qa"));
            await flow.StepAsync(asking, "vendor-question-asked");

            // The officer answers it on the scenario's manage page; the answer shows on the public page.
            await officer.GotoAsync($"/officer/scenarios/{id}/manage");
            await officer.WaitForSelectorAsync("[data-testid=answer-form]");
            await flow.StepAsync(officer, "officer-question");
            var form = officer.Locator("[data-testid=answer-form]");
            await form.Locator("textarea").Nth(0).FillAsync($"Per stop and per route: both are in the CSV files ({tag}).");
            await form.Locator("textarea").Nth(1).FillAsync($"按車站及按路線：兩者均載於 CSV 檔案 ({tag})。");
            await officer.ClickAsync("[data-testid=answer]");
            await officer.ArrivedAtAsync(new Regex("done=answered"));
            await officer.WaitForSelectorAsync("[data-testid=question] .answer");
            await flow.StepAsync(officer, "officer-answered");
            await asking.GotoAsync($"/scenarios/{id}");
            await asking.WaitForSelectorAsync("dl.qa");
            Assert.Contains(language == "en" ? "Per stop and per route" : "按車站及按路線", await asking.InnerTextAsync("dl.qa"));
            await flow.StepAsync(asking, "public-answer");

            // 3. Three vendors each draft and submit a sealed proposal.
            string[] prices = ["1,200,000", "1,500,000", "900,000"];
            var proposals = new Guid[MarketplaceApi.Vendors.Length];
            var vendors = new IPage[MarketplaceApi.Vendors.Length];
            for (var i = 0; i < MarketplaceApi.Vendors.Length; i++)
            {
                var vendor = vendors[i] = i == 0 ? asking : await PersonAsync(MarketplaceApi.Vendors[i], $"/vendor/scenarios/{id}/proposal");
                await OpenProposalFormAsync(vendor, id);
                await VendorPagesTests.FillProposalAsync(vendor);
                await vendor.FillAsync("#priceHkd", prices[i]);
                await flow.StepAsync(vendor, $"vendor{i + 1}-proposal-form");
                await vendor.ClickAsync("[data-testid=save-submit]");
                await vendor.ArrivedAtAsync(ReceiptPage());
                await vendor.WaitForSelectorAsync("[data-testid=receipt-hash]");
                proposals[i] = Guid.Parse(ReceiptPage().Match(vendor.Url).Groups[1].Value);
                await flow.StepAsync(vendor, $"vendor{i + 1}-receipt");
            }

            // 4. The deadline passes; matching opens the proposals to the department.
            await site.Api.WaitForOpeningAsync(Officer, id, TimeSpan.FromMinutes(6));

            // 5. The officer sets up the evaluation with themself as its evaluator, declares, scores and awards.
            await officer.GotoAsync($"/officer/scenarios/{id}/evaluation");
            await officer.WaitForSelectorAsync("[data-testid=setup-form]");
            await flow.StepAsync(officer, "officer-evaluation-setup");
            await officer.CheckAsync($"[data-testid='evaluator-{Officer}']");
            await officer.FillAsync("#quality", "60");
            await officer.FillAsync("#price", "30");
            await officer.FillAsync("#innovation", "10");
            await officer.ClickAsync("[data-testid=save-setup]");
            await officer.ArrivedAtAsync(new Regex("done=configured"));
            await officer.WaitForSelectorAsync("article[data-testid^=proposal-]");
            Assert.Equal(3, await officer.Locator("article[data-testid^=proposal-]").CountAsync());
            await flow.StepAsync(officer, "officer-declare");
            string[] letters = ["A", "B", "C"];
            foreach (var letter in letters)
            {
                var card = officer.Locator($"[data-testid=proposal-{letter}]");
                await card.Locator("[data-testid=no-conflict]").CheckAsync();
                await card.Locator("[data-testid=declare]").ClickAsync();
                await officer.ArrivedAtAsync(new Regex($"done=declared#p{letter}-title$"));
                await officer.Locator($"[data-testid=proposal-{letter}] [data-testid=price]").WaitForAsync();
            }
            await flow.StepAsync(officer, "officer-declared");
            string[] quality = ["50", "40", "30"];
            string[] innovation = ["8", "5", "3"];
            for (var i = 0; i < letters.Length; i++)
            {
                await officer.FillAsync($"#p{letters[i]}-quality", quality[i]);
                await officer.FillAsync($"#p{letters[i]}-innovation", innovation[i]);
                await officer.FillAsync($"#p{letters[i]}-comment", $"Proposal {letters[i]}: a clear plan for the pilot stops; the forecast model needs more evidence.");
                await officer.ClickAsync($"[data-testid=proposal-{letters[i]}] [data-testid=score]");
                await officer.ArrivedAtAsync(new Regex($"done=scored#p{letters[i]}-title$"));
            }
            await officer.WaitForSelectorAsync("[data-testid=award-proposal]");
            await flow.StepAsync(officer, "officer-scored");
            // The first vendor's proposal wins; the others lose.
            await officer.SelectOptionAsync("[data-testid=award-proposal]", proposals[0].ToString());
            await officer.FillAsync("#justification", "The best quality marks and a price within the budget.");
            await officer.ClickAsync("[data-testid=award]");
            await officer.ArrivedAtAsync(new Regex("done=awarded"));
            await officer.WaitForSelectorAsync("[data-testid=standstill]");
            await flow.StepAsync(officer, "officer-awarded");

            // 6. A losing vendor reads its own scores and comments.
            var loser = vendors[1];
            await loser.GotoAsync($"/vendor/proposals/{proposals[1]}/feedback");
            await loser.WaitForSelectorAsync("[data-testid=feedback-scores]");
            Assert.Equal(1, await loser.Locator("[data-testid=feedback-scores] tbody tr").CountAsync());
            var scores = await loser.InnerTextAsync("[data-testid=feedback-scores]");
            Assert.Contains("forecast model needs more evidence", scores);
            Assert.True(await loser.IsVisibleAsync("[data-testid=feedback-ranking]"));
            await flow.StepAsync(loser, "vendor-feedback");

            // 7. A chamber member opens a published success case and registers interest to replicate it.
            var member = await PersonAsync(Member, "/success-cases");
            await member.GotoAsync("/success-cases");
            await member.ClickAsync("[data-testid=success-case-link] >> nth=0");
            await member.WaitForSelectorAsync("[data-testid=interest-form]");
            await flow.StepAsync(member, "member-success-case");
            var note = $"Members in logistics want the same ({language} {tag}).";
            await member.SelectOptionAsync("#sector", "logistics");
            await member.FillAsync("#note", note);
            await member.ClickAsync("[data-testid=register-interest]");
            await member.WaitForSelectorAsync("[data-testid=interest-registered]");
            Assert.Contains(note, await member.InnerTextAsync("[data-testid=own-interests]"));
            await flow.StepAsync(member, "member-interest-registered");

            Assert.Empty(flow.Violations);
        }
        catch
        {
            // What every person's page showed when a step failed, and the host's log, next to the step screenshots.
            var n = 0;
            foreach (var context in contexts)
            {
                foreach (var p in context.Pages)
                {
                    await BrowserFixture.ScreenshotAsync(p, $"flow-{language}-failed-{++n}");
                }
            }
            await File.WriteAllTextAsync(Path.Combine(BrowserFixture.ScreenshotFolder, $"flow-{language}-host.log"), site.Site.Output);
            throw;
        }
        finally
        {
            foreach (var context in contexts)
            {
                await context.CloseAsync();
            }
        }
    }

    /// <summary>The proposal form, once matching has heard of the publication (it crosses the bus).</summary>
    private static async Task OpenProposalFormAsync(IPage page, Guid scenarioId)
    {
        for (var attempt = 0; ; attempt++)
        {
            await page.GotoAsync($"/vendor/scenarios/{scenarioId}/proposal");
            try
            {
                await page.WaitForSelectorAsync("[data-testid=proposal-form]", new PageWaitForSelectorOptions { Timeout = 5_000 });
                return;
            }
            catch (TimeoutException) when (attempt < 5)
            {
            }
        }
    }

    /// <summary>Each step: the page's language, axe's serious findings collected, a screenshot flow-&lt;lang&gt;-&lt;nn&gt;-&lt;step&gt;.</summary>
    private sealed class Flow(string language)
    {
        private int _step;

        public List<string> Violations { get; } = [];

        public async Task StepAsync(IPage page, string step)
        {
            Assert.Equal(language, await page.GetAttributeAsync("html", "lang"));
            Violations.AddRange((await BrowserFixture.SeriousAccessibilityViolationsAsync(page)).Select(v => $"{step}: {v}"));
            await BrowserFixture.ScreenshotAsync(page, $"flow-{language}-{++_step:00}-{step}");
        }
    }

    [GeneratedRegex("/admin/batches/([0-9a-f-]{36})")]
    private static partial Regex BatchPage();

    [GeneratedRegex("/vendor/proposals/([0-9a-f-]{36})/receipt")]
    private static partial Regex ReceiptPage();
}
