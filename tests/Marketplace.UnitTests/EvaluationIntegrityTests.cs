using Marketplace.Contracts.Identity;
using Marketplace.Matching.Domain;
using Marketplace.ServiceDefaults.Errors;
using Marketplace.ServiceDefaults.Localization;

namespace Marketplace.UnitTests;

/// <summary>The evaluation's own guards: who evaluates, what opens, what may be awarded, what is withheld.</summary>
public sealed class EvaluationIntegrityTests
{
    private static readonly DateTimeOffset Now = new(2026, 12, 30, 2, 0, 0, TimeSpan.Zero);
    private static readonly DateTimeOffset Deadline = Now.AddDays(-10);
    private static readonly Guid Department = Guid.NewGuid();
    private static readonly string Evaluator = Guid.NewGuid().ToString();

    internal static Proposal Submitted(Guid scenarioId, string approach = "Approach") =>
        Proposal.Draft(scenarioId, Guid.NewGuid(), "author",
            new ProposalContent(approach, 1_000_000m, 12, true, "Office hours", [new ProposedRole("ML engineer", "Senior", null)]), Deadline.AddDays(-30), Deadline)
            .Also(p => p.Submit(Deadline.AddDays(-29), Deadline, 0));

    internal static Proposal Opened(Guid scenarioId) => Submitted(scenarioId).Also(p => p.Open(Deadline, Deadline));

    private static Evaluation Configured() =>
        Evaluation.Start(Guid.NewGuid(), Department).Also(e => e.Configure(CriteriaWeights.Default, [EvaluationRulesTests.Member(Evaluator, Department)], false));

    [Fact]
    public void Evaluators_must_be_active_officers_of_the_scenarios_own_department()
    {
        var other = Guid.NewGuid().ToString();
        foreach (var stranger in new[]
        {
            EvaluationRulesTests.Member(other, Guid.NewGuid()),                            // another department's officer
            EvaluationRulesTests.Member(other, Department, MemberRole.Vendor),            // not an officer
            EvaluationRulesTests.Member(other, Department, active: false),                // removed from the department
        })
        {
            var refused = Assert.Throws<DomainRuleException>(() =>
                Evaluation.Start(Guid.NewGuid(), Department).Configure(CriteriaWeights.Default, [EvaluationRulesTests.Member(Evaluator, Department), stranger], false));
            Assert.Equal("evaluator-not-an-officer", refused.Code);
        }
        Assert.Equal(new[] { Evaluator }, Configured().Evaluators);
    }

    [Fact]
    public void An_award_refuses_a_proposal_of_another_scenario_an_unopened_or_withdrawn_one_and_one_that_failed_its_receipt()
    {
        var evaluation = Configured();
        Assert.Equal("proposal-of-another-scenario", Assert.Throws<DomainRuleException>(() => evaluation.Award(Opened(Guid.NewGuid()), "j", Now, TimeSpan.FromDays(10))).Code);
        Assert.Equal("proposal-not-opened", Assert.Throws<DomainRuleException>(() => evaluation.Award(Submitted(evaluation.ScenarioId), "j", Now, TimeSpan.FromDays(10))).Code);
        var withdrawn = Submitted(evaluation.ScenarioId).Also(p => p.Withdraw(Deadline.AddDays(-1), Deadline));
        Assert.Equal("proposal-not-opened", Assert.Throws<DomainRuleException>(() => evaluation.Award(withdrawn, "j", Now, TimeSpan.FromDays(10))).Code);
        var tampered = Submitted(evaluation.ScenarioId).Also(Tamper).Also(p => Assert.False(p.Open(Deadline, Deadline)));
        Assert.Equal("receipt-mismatch", Assert.Throws<DomainRuleException>(() => evaluation.Award(tampered, "j", Now, TimeSpan.FromDays(10))).Code);
        Assert.Null(evaluation.AwardedProposalId);
        evaluation.Award(Opened(evaluation.ScenarioId), "Highest ranked", Now, TimeSpan.FromDays(10));
        Assert.NotNull(evaluation.AwardedProposalId);
    }

    [Fact]
    public void Only_a_submitted_proposal_opens_and_never_before_the_deadline()
    {
        var draft = Proposal.Draft(Guid.NewGuid(), Guid.NewGuid(), "author",
            new ProposalContent("Approach", 1m, 1, true, "x", []), Deadline.AddDays(-30), Deadline);
        Assert.Equal("proposal-not-submitted", Assert.Throws<DomainRuleException>(() => draft.Open(Deadline, Deadline)).Code);
        var early = Assert.Throws<DomainRuleException>(() => Submitted(Guid.NewGuid()).Open(Deadline.AddSeconds(-1), Deadline));
        Assert.Equal("deadline-not-passed", early.Code);
        Assert.Contains(HongKongTime.Format(Deadline), early.Text.En, StringComparison.Ordinal);
        Assert.Null(draft.OpenedAt);
    }

    [Fact]
    public void A_receipt_mismatch_at_opening_becomes_an_integrity_incident()
    {
        var scenario = OpenScenario.Known(Guid.NewGuid(), Department);
        scenario.Published("t", "t", "p", "p", "Living", "healthcare", ["forecasting"], 1m, 2m, Deadline, Deadline.AddDays(-30));
        var sound = Submitted(scenario.ScenarioId);
        var tampered = Submitted(scenario.ScenarioId).Also(Tamper);

        var (opened, incidents) = scenario.OpenProposals([sound, tampered], new Dictionary<Guid, SizeClass?>(), Deadline);

        Assert.Equal((2, 1), (opened.ProposalCount, opened.VerifiedCount));
        var incident = Assert.Single(incidents);
        Assert.Equal((IntegrityIncidentKind.ReceiptMismatch, tampered.Id, Department), (incident.Kind, incident.ProposalId, incident.DepartmentId));
        Assert.Equal(tampered.ReceiptHash, incident.ReceiptHash);
        Assert.NotEqual(incident.ReceiptHash, incident.OpenedHash);
        Assert.Contains("Hong Kong time", incident.Description.En, StringComparison.Ordinal);
    }

    [Fact]
    public void The_standstill_refusal_names_its_end_in_Hong_Kong_time()
    {
        var evaluation = Configured();
        evaluation.Award(Opened(evaluation.ScenarioId), "Highest ranked", Now, TimeSpan.FromDays(10));
        var late = Assert.Throws<DomainRuleException>(() => evaluation.CancelAward("late", Now.AddDays(11)));
        Assert.Equal("standstill-over", late.Code);
        Assert.Contains($"{HongKongTime.Format(Now.AddDays(10))} (Hong Kong time)", late.Text.En, StringComparison.Ordinal);
        Assert.Contains($"香港時間 {HongKongTime.Format(Now.AddDays(10))}", late.Text.Zh, StringComparison.Ordinal);
    }

    [Fact]
    public void Content_is_withheld_until_an_evaluator_declares_and_for_good_after_a_conflict()
    {
        var evaluation = Configured();
        var proposal = Guid.NewGuid();
        Assert.Equal("not-an-evaluator", evaluation.ContentWithheldFrom(Guid.NewGuid().ToString(), proposal)?.Code);
        Assert.Equal("declare-first", evaluation.ContentWithheldFrom(Evaluator, proposal)?.Code);
        evaluation.Declare(Evaluator, proposal, conflict: true, "Former employee", Now);
        Assert.Equal("conflict-declared", evaluation.ContentWithheldFrom(Evaluator, proposal)?.Code);
        var other = Guid.NewGuid();
        evaluation.Declare(Evaluator, other, conflict: false, "", Now);
        Assert.Null(evaluation.ContentWithheldFrom(Evaluator, other));
    }

    /// <summary>What a change behind the service's back would do: the stored content no longer hashes to the receipt.</summary>
    private static void Tamper(Proposal proposal) => typeof(Proposal).GetProperty(nameof(Proposal.PriceHkd))!.SetValue(proposal, 1m);
}
