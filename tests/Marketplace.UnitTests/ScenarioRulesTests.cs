using System.Globalization;
using Marketplace.Catalogue;
using Marketplace.Catalogue.Domain;
using Marketplace.Contracts.Catalogue;
using Marketplace.ServiceDefaults.Errors;
using Marketplace.ServiceDefaults.Localization;

namespace Marketplace.UnitTests;

public sealed class ScenarioRulesTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 21, 2, 0, 0, TimeSpan.Zero);
    private static readonly TimeSpan MinimumPeriod = ScenarioRules.DefaultMinimumProposalPeriod;

    internal static ScenarioDetails Valid() => new(
        "Chest X-ray pre-reading", "胸部X光預讀", "Radiologists face backlogs.", "放射科醫生積壓工作。",
        "Report within 24 hours.", "二十四小時內完成報告。", SmartCityArea.Living, "healthcare",
        ["computer-vision"], 1_000_000m, 3_000_000m, DataResidency.HongKongOnly, 12, ["PSTS"],
        [new Kpi("Reporting time", "報告時間", "≤ 24 hours")], "De-identified chest X-rays with reports.", "已去識別化的胸部X光片及報告。",
        "DICOM", AiRiskTier.High, "Dr Lee", "ai@example.gov.hk");

    private static (Scenario Scenario, Batch Batch) Submitted(DateTimeOffset? deadline = null)
    {
        var batch = Batch.Create(2026, 1, "First batch", "第一批", deadline ?? Now.AddDays(30), Now);
        var scenario = Scenario.CreateDraft(Guid.NewGuid(), Valid(), Now);
        scenario.Submit(batch, Now);
        return (scenario, batch);
    }

    internal static Scenario Published(DateTimeOffset? deadline = null)
    {
        var (scenario, batch) = Submitted(deadline);
        scenario.Approve(Now);
        batch.Publish([scenario], Now, MinimumPeriod);
        return scenario;
    }

    [Fact]
    public void A_new_scenario_is_a_draft_of_its_department()
    {
        var department = Guid.NewGuid();
        var scenario = Scenario.CreateDraft(department, Valid(), Now);

        Assert.Equal(ScenarioStatus.Draft, scenario.Status);
        Assert.Equal(department, scenario.DepartmentId);
        Assert.Null(scenario.PublishedAt);
        Assert.Equal(1, scenario.Version);
        Assert.Contains("x", scenario.SearchTitle.Split(' '));
        Assert.Contains("胸部", scenario.SearchTitle.Split(' '));
    }

    [Fact]
    public void Publishing_a_batch_publishes_only_its_approved_scenarios_with_the_batch_deadline()
    {
        var batch = Batch.Create(2026, 2, "Second batch", "第二批", Now.AddDays(30), Now);
        var approved = Scenario.CreateDraft(Guid.NewGuid(), Valid(), Now);
        var waiting = Scenario.CreateDraft(Guid.NewGuid(), Valid(), Now);
        approved.Submit(batch, Now);
        waiting.Submit(batch, Now);
        approved.Approve(Now);
        Assert.Equal("2026年第二批", batch.NameZh);

        var (published, batchPublished) = batch.Publish([approved], Now, MinimumPeriod);

        Assert.Equal(ScenarioStatus.Published, approved.Status);
        Assert.Equal(Now.AddDays(30), approved.ProposalDeadline);
        Assert.Equal(batch.Id, Assert.Single(published).BatchId);
        Assert.Equal([approved.Id], batchPublished.ScenarioIds);
        Assert.Equal(ScenarioStatus.Submitted, waiting.Status);
        Assert.Equal("batch-published", Assert.Throws<DomainRuleException>(() => batch.Publish([approved], Now, MinimumPeriod)).Code);
        Assert.Equal("batch-not-open", Assert.Throws<DomainRuleException>(() => Scenario.CreateDraft(Guid.NewGuid(), Valid(), Now).Submit(batch, Now)).Code);
    }

    [Fact]
    public void Only_an_approved_submission_is_published_and_a_returned_one_is_a_draft_again()
    {
        var (scenario, _) = Submitted();
        Assert.Equal("scenario-not-approved", Assert.Throws<DomainRuleException>(() => scenario.Publish(Now.AddDays(30), Now, MinimumPeriod)).Code);
        scenario.Return("Add the data format", Now);
        Assert.Equal(ScenarioStatus.Draft, scenario.Status);
        Assert.Equal("Add the data format", scenario.ReturnReason);
        Assert.Null(scenario.BatchId);
        Assert.Equal("scenario-not-submitted", Assert.Throws<DomainRuleException>(() => scenario.Approve(Now)).Code);
    }

    [Fact]
    public void A_deadline_inside_the_minimum_proposal_period_is_refused()
    {
        var (scenario, batch) = Submitted(Now.AddDays(14).AddSeconds(-1));
        scenario.Approve(Now);

        var refused = Assert.Throws<DomainRuleException>(() => batch.Publish([scenario], Now, MinimumPeriod));

        Assert.Equal("deadline-out-of-range", refused.Code);
        Assert.Equal(ScenarioStatus.Submitted, scenario.Status);
        Assert.Null(ScenarioRules.CheckDeadline(Now.AddDays(14), Now, MinimumPeriod));
        Assert.NotNull(ScenarioRules.CheckDeadline(Now.AddYears(1).AddDays(1), Now, MinimumPeriod));
    }

    [Fact]
    public void Only_drafts_can_be_edited_or_submitted()
    {
        var scenario = Published();
        Assert.Equal("scenario-not-draft", Assert.Throws<DomainRuleException>(() => scenario.Edit(Valid(), Now)).Code);
        Assert.Equal("scenario-not-draft", Assert.Throws<DomainRuleException>(
            () => scenario.Submit(Batch.Create(2027, 1, "x", "測", Now.AddDays(30), Now), Now)).Code);
    }

    [Theory]
    [InlineData(30, 10, 30)]     // 20 days left: the deadline stays
    [InlineData(30, 23, 30)]     // exactly 7 days left: stays
    [InlineData(30, 24, 31)]     // 6 days left: moves to 7 days after the amendment
    [InlineData(30, 29.5, 36.5)] // half a day left: 7 days after the amendment
    public void An_amendment_leaves_vendors_at_least_seven_days(double deadlineDay, double amendedDay, double expectedDeadlineDay)
    {
        var scenario = Published(Now.AddDays(deadlineDay));

        var (amendment, amended) = scenario.Amend(Valid() with { BudgetMaxHkd = 3_500_000m }, "Budget raised", "預算上調", "officer", Now.AddDays(amendedDay));

        Assert.Equal(Now.AddDays(expectedDeadlineDay), scenario.ProposalDeadline);
        Assert.Equal(Now.AddDays(expectedDeadlineDay), amended.ProposalDeadline);
        Assert.Equal(Now.AddDays(deadlineDay), amendment.DeadlineBefore);
        Assert.Equal(deadlineDay != expectedDeadlineDay, amendment.ExtendedDeadline);
        Assert.Equal(["budgetMaxHkd"], amended.ChangedFields);
        Assert.Equal(1, amended.Number);
    }

    [Fact]
    public void An_amendment_must_change_something_and_come_before_the_deadline()
    {
        var scenario = Published(Now.AddDays(30));
        Assert.Equal("amendment-changes-nothing", Assert.Throws<DomainRuleException>(() => scenario.Amend(Valid(), "No change", "沒有更改", "o", Now.AddDays(1))).Code);
        Assert.Equal("deadline-passed", Assert.Throws<DomainRuleException>(
            () => scenario.Amend(Valid() with { TitleEn = "Later" }, "Late", "遲", "o", Now.AddDays(30))).Code);
        Assert.Equal(0, scenario.AmendmentCount);
    }

    [Fact]
    public void The_deadline_closes_proposals_once_and_an_award_delivery_and_completion_follow()
    {
        var scenario = Published(Now.AddDays(30));
        Assert.Null(scenario.CloseProposals(Now.AddDays(29)));
        var closed = scenario.CloseProposals(Now.AddDays(30));
        Assert.Equal(ScenarioClosureKind.DeadlinePassed, closed!.Kind);
        Assert.Null(scenario.CloseProposals(Now.AddDays(31)));

        var vendor = Guid.NewGuid();
        var first = Guid.NewGuid();
        scenario.Award(first, vendor, 1_000_000m, Now.AddDays(40), Now.AddDays(50));
        Assert.Equal((ScenarioStatus.Awarded, vendor, 1_000_000m), (scenario.Status, scenario.AwardedVendorId, scenario.AwardedValueHkd));
        Assert.True(scenario.CancelAward(first, Now.AddDays(41)));
        Assert.Equal(ScenarioStatus.ProposalsClosed, scenario.Status);
        scenario.Award(Guid.NewGuid(), vendor, 900_000m, Now.AddDays(42), Now.AddDays(52));
        // The first award's cancellation delivered again is stale: the second award stands.
        Assert.False(scenario.CancelAward(first, Now.AddDays(43)));
        Assert.Equal(ScenarioStatus.Awarded, scenario.Status);
        var started = scenario.StartDelivery(Now.AddDays(53));
        Assert.Equal((scenario.Id, scenario.ProjectId!.Value, vendor), (started.ScenarioId, started.ProjectId, started.VendorOrganisationId));
        scenario.Complete(Now.AddDays(200));
        Assert.Equal(ScenarioStatus.Completed, scenario.Status);
        Assert.Equal("scenario-not-cancellable", Assert.Throws<DomainRuleException>(() => scenario.Cancel("late", Now.AddDays(201))).Code);
    }

    [Fact]
    public void A_project_completed_without_a_started_delivery_starts_and_completes_it_in_one_step()
    {
        var scenario = Published(Now.AddDays(30));
        var vendor = Guid.NewGuid();
        var project = Guid.NewGuid();
        scenario.Award(project, vendor, 1_000_000m, Now.AddDays(31), Now.AddDays(41));

        var started = scenario.Complete(Now.AddDays(200));

        Assert.Equal(ScenarioStatus.Completed, scenario.Status);
        Assert.Equal(Now.AddDays(200), scenario.DeliveryStartedAt);
        Assert.Equal((scenario.Id, project, vendor, Now.AddDays(200)), (started!.ScenarioId, started.ProjectId, started.VendorOrganisationId, started.StartedAt));
        Assert.Equal("CompletedFromAwarded", ((Marketplace.ServiceDefaults.Auditing.IAudited)scenario).TakeAuditAction());
    }

    [Fact]
    public void Delivery_cannot_start_during_the_standstill_and_an_award_in_delivery_cannot_be_cancelled()
    {
        var scenario = Published(Now.AddDays(30));
        var project = Guid.NewGuid();
        scenario.Award(project, Guid.NewGuid(), 1_000_000m, Now.AddDays(31), Now.AddDays(41));

        var refused = Assert.Throws<DomainRuleException>(() => scenario.StartDelivery(Now.AddDays(35)));
        Assert.Equal("standstill-not-ended", refused.Code);
        Assert.Contains("Hong Kong time", refused.Text.En);
        Assert.Equal("standstill-not-ended", Assert.Throws<DomainRuleException>(() => scenario.StartDelivery(Now.AddDays(41))).Code);
        Assert.Equal(ScenarioStatus.Awarded, scenario.Status);

        scenario.StartDelivery(Now.AddDays(41).AddMinutes(1));
        Assert.Equal("award-not-cancellable", Assert.Throws<DomainRuleException>(() => scenario.CancelAward(project, Now.AddDays(42))).Code);
        Assert.Equal(ScenarioStatus.InDelivery, scenario.Status);
    }

    [Fact]
    public void A_cancellation_that_overtakes_its_award_keeps_that_award_from_ever_applying()
    {
        var scenario = Published(Now.AddDays(30));
        scenario.CloseProposals(Now.AddDays(30));
        var project = Guid.NewGuid();

        Assert.False(scenario.CancelAward(project, Now.AddDays(31)));
        Assert.Equal("award-cancelled", Assert.Throws<DomainRuleException>(
            () => scenario.Award(project, Guid.NewGuid(), 1m, Now.AddDays(31), Now.AddDays(41))).Code);
        Assert.Equal(ScenarioStatus.ProposalsClosed, scenario.Status);
    }

    [Fact]
    public void A_closure_says_by_its_kind_whether_the_deadline_passed_or_the_scenario_was_cancelled()
    {
        // The department's words may be anything, "deadline" included: only the kind decides.
        Assert.Equal(ScenarioClosureKind.Cancelled, Published(Now.AddDays(30)).Cancel("deadline", Now.AddDays(1))!.Kind);
        Assert.Equal(ScenarioClosureKind.DeadlinePassed, Published(Now.AddDays(30)).CloseProposals(Now.AddDays(30))!.Kind);
    }

    [Fact]
    public void An_award_arriving_before_the_scheduler_closes_the_scenario_first()
    {
        var scenario = Published(Now.AddDays(30));
        var closed = scenario.Award(Guid.NewGuid(), Guid.NewGuid(), 1m, Now.AddDays(31), Now.AddDays(41));
        Assert.NotNull(closed);
        Assert.Equal(ScenarioStatus.Awarded, scenario.Status);
        Assert.Equal("scenario-not-closed", Assert.Throws<DomainRuleException>(() => Published().Award(Guid.NewGuid(), Guid.NewGuid(), 1m, Now, Now.AddDays(10))).Code);
    }

    [Fact]
    public void Cancelling_announces_only_a_public_scenario_and_unsuccessful_needs_closed_proposals()
    {
        Assert.Null(Scenario.CreateDraft(Guid.NewGuid(), Valid(), Now).Cancel("Not needed", Now));
        var published = Published();
        Assert.Equal("Requirement withdrawn", published.Cancel("Requirement withdrawn", Now.AddDays(1))!.Reason);
        Assert.Equal(ScenarioStatus.Cancelled, published.Status);

        var open = Published(Now.AddDays(30));
        Assert.Equal("scenario-not-closed", Assert.Throws<DomainRuleException>(() => open.MarkUnsuccessful("none", Now)).Code);
        open.CloseProposals(Now.AddDays(30));
        open.MarkUnsuccessful("No proposal met the data residency requirement", Now.AddDays(40));
        Assert.Equal(ScenarioStatus.Unsuccessful, open.Status);
    }

    [Fact]
    public void Editing_a_draft_replaces_its_content_and_bumps_the_version()
    {
        var scenario = Scenario.CreateDraft(Guid.NewGuid(), Valid(), Now);

        scenario.Edit(Valid() with { TitleEn = "  Bed-flow prediction  ", Capabilities = ["forecasting", "optimisation"] }, Now.AddHours(1));

        Assert.Equal("Bed-flow prediction", scenario.TitleEn);
        Assert.Equal(["forecasting", "optimisation"], scenario.Capabilities);
        Assert.Equal(2, scenario.Version);
        Assert.Equal(Now.AddHours(1), scenario.UpdatedAt);
    }

    [Fact]
    public void An_entity_refuses_invalid_details_even_if_a_handler_forgot_to_validate()
    {
        Assert.Throws<ArgumentException>(() => Scenario.CreateDraft(Guid.NewGuid(), Valid() with { TitleEn = "" }, Now));
        Assert.Throws<ArgumentException>(() => Scenario.CreateDraft(Guid.NewGuid(), Valid() with { Kpis = [] }, Now));
    }

    [Fact]
    public void A_zero_minimum_proposal_period_is_accepted_only_in_development_and_reads_sensibly()
    {
        Assert.Throws<InvalidOperationException>(() => new CatalogueOptions { MinimumProposalPeriodDays = 0 }.Validated(isDevelopment: false));
        Assert.Throws<InvalidOperationException>(() => new CatalogueOptions { MinimumProposalPeriodDays = -1 }.Validated(isDevelopment: true));
        Assert.Throws<InvalidOperationException>(() => new CatalogueOptions { DigestHourHongKong = 24 }.Validated(isDevelopment: false));
        Assert.Equal(0, new CatalogueOptions { MinimumProposalPeriodDays = 0 }.Validated(isDevelopment: true).MinimumProposalPeriodDays);

        var none = ScenarioRules.CheckDeadline(Now.AddMinutes(-1), Now, TimeSpan.Zero)!.En;
        Assert.DoesNotContain("at least 0", none, StringComparison.Ordinal);
        Assert.Contains("must not be before publication", none, StringComparison.Ordinal);
        Assert.Null(ScenarioRules.CheckDeadline(Now, Now, TimeSpan.Zero));
        Assert.Contains("at least one day", ScenarioRules.CheckDeadline(Now, Now, TimeSpan.FromDays(1))!.En, StringComparison.Ordinal);
        // Shown in Hong Kong time, not UTC's "u" format.
        Assert.Contains(HongKongTime.Format(Now.AddDays(14)), ScenarioRules.CheckDeadline(Now, Now, MinimumPeriod)!.En, StringComparison.Ordinal);
    }

    [Fact]
    public void Rule_messages_exist_in_English_and_Traditional_Chinese()
    {
        var text = ScenarioRules.CheckDeadline(Now.AddDays(1), Now, MinimumPeriod)!;

        Assert.Contains("at least 14 days", text.ForCulture(CultureInfo.GetCultureInfo("en")));
        Assert.Contains("最少 14 日", text.ForCulture(CultureInfo.GetCultureInfo("zh-HK")));
        Assert.All(Enum.GetValues<ScenarioStatus>(), s => Assert.True(ScenarioRules.StatusNames.ContainsKey(s)));
    }
}
