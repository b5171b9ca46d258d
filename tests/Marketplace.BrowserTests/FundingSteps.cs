using System.Text.RegularExpressions;
using Microsoft.Playwright;

namespace Marketplace.BrowserTests;

/// <summary>
/// The funding body's and the vendor's steps on a submitted application, in the browser, shared by the funding flows
/// (an application the vendor opened under a scheme, and one opened from an award). <c>shot</c> takes a screenshot
/// (and runs axe) under a step name.
/// </summary>
internal sealed class FundingSteps(Func<IPage, string, Task> shot)
{
    public const string Officer = "funding.itf@demo.hk";
    public const string Assessor = "assessor.itf@demo.hk";

    /// <summary>The vendor completes the draft's budget and declarations and submits it; lands on the application.</summary>
    public async Task CompleteAndSubmitAsync(IPage vendor, string id, IReadOnlyList<(string CostType, string Amount, string Description)> budget, string contribution)
    {
        for (var i = 0; i < budget.Count; i++)
        {
            await vendor.SelectOptionAsync($"#budget-{i}-costType", budget[i].CostType);
            await vendor.FillAsync($"#budget-{i}-amountHkd", budget[i].Amount);
            await vendor.FillAsync($"#budget-{i}-description", budget[i].Description);
        }
        await vendor.FillAsync("#companyContributionHkd", contribution);
        await vendor.CheckAsync("#declaredNoOtherPublicFunding");
        await vendor.CheckAsync("#declaredInformationTrue");
        await shot(vendor, "application-complete");
        await vendor.ClickAsync("[data-testid=submit-application]");
        await vendor.ArrivedAtAsync(new Regex($"/funding/applications/{id}\\?saved=submitted$"));
    }

    /// <summary>The officer opens the application from the queue of submitted ones and assigns everyone who may assess.</summary>
    public async Task AssignEveryAssessorAsync(IPage officer, string id)
    {
        await officer.GotoAsync("/funding/applications?status=Submitted");
        await shot(officer, "queue");
        await officer.ClickAsync($"[data-testid=applications] a[href='/funding/applications/{id}']");
        await officer.ClickAsync("[data-testid=assign-assessors]");
        await officer.WaitForSelectorAsync("[data-testid=assign-form]");
        foreach (var box in await officer.Locator("[data-testid=assign-form] input[type=checkbox]").AllAsync())
        {
            await box.CheckAsync();
        }
        await shot(officer, "assign");
        await officer.ClickAsync("[data-testid=assign]");
        await officer.ArrivedAtAsync(new Regex($"/funding/applications/{id}\\?saved=assigned$"));
    }

    /// <summary>
    /// An assessor is told whose application it is and its title (<paramref name="shown"/>), to declare informed, and
    /// nothing more of it until declaring no conflict; then scores every criterion <paramref name="score"/> and recommends funding.
    /// </summary>
    public async Task DeclareAndScoreAsync(IPage page, string who, string id, string shown, string score)
    {
        await page.GotoAsync("/funding/assignments");
        await page.WaitForSelectorAsync($"a[href='/funding/assignments/{id}']");
        Assert.Contains(shown, await page.InnerTextAsync("[data-testid=assignments]"));
        await shot(page, who + "-assignments");
        await page.ClickAsync($"a[href='/funding/assignments/{id}']");
        await page.WaitForSelectorAsync("[data-testid=declare-form]");
        Assert.Contains(shown, await page.InnerTextAsync("[data-testid=declare-subject]"));
        await shot(page, who + "-declare");
        await page.CheckAsync("#answer-accept");
        await page.ClickAsync("[data-testid=send-declaration]");
        await page.ArrivedAtAsync(new Regex($"/funding/applications/{id}/assess$"));
        await page.WaitForSelectorAsync("[data-testid=score-form]");
        Assert.Contains(shown, await page.InnerTextAsync("main"));
        foreach (var select in await page.Locator("[data-testid=score-form] select").AllAsync())
        {
            await select.SelectOptionAsync(score);
        }
        await page.FillAsync("#feedback", "Clear plan; the cost estimate is realistic. 計劃清晰。");
        await page.CheckAsync("#recommendation-Fund");
        await shot(page, who + "-score");
        await page.ClickAsync("[data-testid=send-scores]");
        await page.WaitForSelectorAsync("[data-testid=saved]");
    }

    /// <summary>The officer funds the application with the engine's grant (offered by the form) and plans one milestone of all of it.</summary>
    public async Task FundAndPlanOneMilestoneAsync(IPage officer, string id, string grantInput, string grantShown)
    {
        await officer.GotoAsync($"/funding/applications/{id}");
        await officer.WaitForSelectorAsync("[data-testid=scoring]");
        await officer.ClickAsync("[data-testid=decide]");
        Assert.Equal(grantInput, await officer.InputValueAsync("#amountHkd"));
        await officer.CheckAsync("#outcome-Funded");
        await officer.FillAsync("#reasons", "Both criteria passed; the costs are eligible.");
        await shot(officer, "decision");
        await officer.ClickAsync("[data-testid=record-decision]");
        await officer.ArrivedAtAsync(new Regex($"/funding/applications/{id}\\?saved=decided$"));
        Assert.Equal(grantShown, (await officer.InnerTextAsync("[data-testid=granted]")).Trim());
        await officer.ClickAsync("[data-testid=plan-milestones]");
        await officer.FillAsync("#milestones-0-deliverableEn", "Trained model and evaluation report");
        await officer.FillAsync("#milestones-0-deliverableZh", "已訓練模型及評估報告");
        await officer.FillAsync("#milestones-0-dueAt", "2027-06-30");
        await officer.FillAsync("#milestones-0-amountHkd", grantShown.Replace("HK$", "", StringComparison.Ordinal));
        await shot(officer, "plan");
        await officer.ClickAsync("[data-testid=save-plan]");
        await officer.ArrivedAtAsync(new Regex($"/funding/applications/{id}\\?saved=planned$"));
    }

    /// <summary>The vendor reports the (last) milestone with one KPI and the project's outcome.</summary>
    public async Task ReportLastMilestoneAsync(IPage vendor, string id, string kpiEn, string kpiZh, string outcomeEn, string outcomeZh)
    {
        await vendor.GotoAsync($"/funding/applications/{id}");
        await vendor.ClickAsync("[data-testid=report-1]");
        await vendor.FillAsync("#progressEn", "The model is in service and meets its target.");
        await vendor.FillAsync("#progressZh", "模型已投入服務並達到目標。");
        await vendor.FillAsync("#kpis-0-nameEn", kpiEn);
        await vendor.FillAsync("#kpis-0-nameZh", kpiZh);
        await vendor.FillAsync("#kpis-0-target", "95 %");
        await vendor.FillAsync("#kpis-0-achieved", "98 %");
        await vendor.FillAsync("#outcomeSummaryEn", outcomeEn);
        await vendor.FillAsync("#outcomeSummaryZh", outcomeZh);
        await shot(vendor, "report");
        await vendor.ClickAsync("[data-testid=send-report]");
        await vendor.ArrivedAtAsync(new Regex($"/funding/applications/{id}\\?saved=reported$"));
    }

    /// <summary>The officer accepts the report, which releases the milestone's payment.</summary>
    public async Task AcceptMilestoneAsync(IPage officer, string id, string paidShown)
    {
        await officer.GotoAsync($"/funding/applications/{id}");
        await officer.ClickAsync("[data-testid=review-1]");
        await officer.WaitForSelectorAsync("[data-testid=milestone-report]");
        await shot(officer, "review");
        await officer.ClickAsync("[data-testid=accept-milestone]");
        await officer.ArrivedAtAsync(new Regex($"/funding/applications/{id}\\?saved=accepted$"));
        Assert.Contains(paidShown, await officer.InnerTextAsync("[data-testid=milestones]"));
        await shot(officer, "paid");
    }
}
