using System.Text.RegularExpressions;
using Microsoft.Playwright;

namespace Marketplace.BrowserTests;

[Collection(ShortDeadlineCollection.Name)]
public sealed class OfficerEvaluationTests(ShortDeadlineFixture site)
{
    private const string Officer = MarketplaceApi.TransportOfficer;

    [Theory]
    [InlineData("en", true)]
    [InlineData("zh-HK", true)]
    [InlineData("en", false)]
    public async Task An_evaluator_declares_before_seeing_any_proposal_scores_those_without_a_conflict_and_the_officer_awards(string language, bool javaScript)
    {
        var id = await site.Api.PublishScenarioAsync(Officer, OfficerTestSteps.Unique("Junction signal timing"), TimeSpan.FromSeconds(30));
        decimal[] prices = [1_200_000m, 1_500_000m, 900_000m];
        for (var i = 0; i < prices.Length; i++)
        {
            await site.Api.SubmitProposalAsync(MarketplaceApi.Vendors[i], id, prices[i], $"Adaptive signal plans learnt from loop counts (vendor {i + 1}).");
        }
        await site.Api.WaitForOpeningAsync(Officer, id, TimeSpan.FromSeconds(90));
        var page = await site.NewPageAsync(language, javaScript);
        await SignIn.AsAsync(page, Officer, $"/officer/scenarios/{id}/evaluation");
        await page.WaitForSelectorAsync("[data-testid=setup-form]");

        // The department's manager sets up the evaluation with themself as its evaluator.
        await page.CheckAsync($"[data-testid='evaluator-{Officer}']");
        await page.FillAsync("#quality", "60");
        await page.FillAsync("#price", "30");
        await page.FillAsync("#innovation", "10");
        await page.ClickAsync("[data-testid=save-setup]");
        await page.ArrivedAtAsync(new Regex("done=configured"));
        // Before a declaration nothing of any proposal is shown: no price, no approach, only the API's reason.
        Assert.Equal(3, await page.Locator("article[data-testid^=proposal-] [data-testid=hidden-declare-first]").CountAsync());
        // The ranking withholds the same rows from them.
        Assert.Equal(3, await page.Locator("[data-testid=ranking] [data-testid=hidden-declare-first]").CountAsync());
        Assert.Equal(0, await page.Locator("[data-testid=price]").CountAsync());
        await OfficerTestSteps.CheckAsync(page, "evaluation-declare", language, javaScript);

        await DeclareAsync(page, "A", conflict: false);
        await DeclareAsync(page, "B", conflict: false);
        await DeclareAsync(page, "C", conflict: true);
        Assert.Equal(1, await Card(page, "A").Locator("[data-testid=price]").CountAsync());
        // A conflicted evaluator sees nothing of that proposal.
        Assert.Equal(0, await Card(page, "C").Locator("[data-testid=price]").CountAsync());
        Assert.Equal(1, await Card(page, "C").Locator("[data-testid=hidden-conflict-declared]").CountAsync());

        // A mark above its weight: the API's message next to the field.
        await ScoreAsync(page, "A", "70", "8");
        await page.WaitForSelectorAsync("[data-testid=error-pA-quality]");
        await OfficerTestSteps.CheckAsync(page, "evaluation-score-error", language, javaScript);
        await ScoreAsync(page, "A", "50", "8");
        await page.ArrivedAtAsync(new Regex("done=scored#pA-title$"));
        await ScoreAsync(page, "B", "40", "5");
        await page.ArrivedAtAsync(new Regex("done=scored#pB-title$"));
        // The price of the proposal withheld from this evaluator could be worked out from price scores, totals and ranks: none is shown.
        Assert.True(await page.Locator("[data-testid=ranking] [data-testid=hidden-relative-to-withheld]").CountAsync() >= 1);
        await OfficerTestSteps.CheckAsync(page, "evaluation-ranking", language, javaScript);

        await page.SelectOptionAsync("[data-testid=award-proposal]", new SelectOptionValue { Index = 1 });
        await page.FillAsync("#justification", "Highest quality marks and a price within the budget.");
        await page.ClickAsync("[data-testid=award]");
        await page.ArrivedAtAsync(new Regex("done=awarded"));
        Assert.EndsWith("HKT", (await page.InnerTextAsync("[data-testid=standstill]")).Trim());
        await OfficerTestSteps.CheckAsync(page, "evaluation-awarded", language, javaScript);

        if (!javaScript)
        {
            // Within the standstill period the award may still be cancelled, with a reason.
            await page.FillAsync("#cancel-reason", "The awarded vendor withdrew its key staff.");
            await page.ClickAsync("[data-testid=cancel-award]");
            await page.ArrivedAtAsync(new Regex("done=award-cancelled"));
            Assert.Equal(1, await page.Locator("[data-testid=award-form]").CountAsync());
            await OfficerTestSteps.CheckAsync(page, "evaluation-award-cancelled", language, javaScript);
        }
        await page.Context.CloseAsync();
    }

    private static ILocator Card(IPage page, string letter) => page.Locator($"[data-testid=proposal-{letter}]");

    private static async Task DeclareAsync(IPage page, string letter, bool conflict)
    {
        var card = Card(page, letter);
        await card.Locator(conflict ? "[data-testid=conflict]" : "[data-testid=no-conflict]").CheckAsync();
        if (conflict)
        {
            await card.Locator("textarea").FillAsync("My former employer is a subcontractor of this bidder.");
        }
        await card.Locator("[data-testid=declare]").ClickAsync();
        // Each form returns to its own card (the fragment), so each wait sees its own post's answer.
        await page.ArrivedAtAsync(new Regex($"done=declared#p{letter}-title$"));
    }

    private static async Task ScoreAsync(IPage page, string letter, string quality, string innovation)
    {
        await page.FillAsync($"#p{letter}-quality", quality);
        await page.FillAsync($"#p{letter}-innovation", innovation);
        await page.FillAsync($"#p{letter}-comment", "A clear plan for the pilot junctions; the data pipeline needs more detail.");
        await page.ClickAsync($"[data-testid=proposal-{letter}] [data-testid=score]");
    }
}
