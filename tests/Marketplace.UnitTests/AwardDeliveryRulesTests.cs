using Marketplace.Contracts.Catalogue;
using Marketplace.Contracts.Identity;
using Marketplace.Matching.Domain;
using Marketplace.ServiceDefaults.Errors;

namespace Marketplace.UnitTests;

/// <summary>Matching's side of an award's delivery and of a scenario's closure.</summary>
public sealed class AwardDeliveryRulesTests
{
    private static readonly DateTimeOffset Now = new(2026, 12, 30, 2, 0, 0, TimeSpan.Zero);

    // An award takes only a proposal opened at the deadline and verified against its receipt.
    private static Proposal AProposal(Guid scenarioId) => EvaluationIntegrityTests.Opened(scenarioId);

    [Fact]
    public void An_award_announces_its_standstill_end_and_cannot_be_cancelled_once_delivery_started()
    {
        var evaluation = Evaluation.Start(Guid.NewGuid(), Guid.NewGuid());
        var awarded = evaluation.Award(AProposal(evaluation.ScenarioId), "Highest ranked", Now, TimeSpan.FromDays(10));
        Assert.Equal(Now.AddDays(10), awarded.StandstillEndsAt);

        Assert.Equal("not-the-award", Assert.Throws<DomainRuleException>(() => evaluation.DeliveryStarted(Guid.NewGuid(), Now.AddDays(11))).Code);
        evaluation.DeliveryStarted(awarded.ProjectId, Now.AddDays(1));

        // Refused for delivery even inside the standstill window, and it says why.
        var refused = Assert.Throws<DomainRuleException>(() => evaluation.CancelAward("Too late", Now.AddDays(2)));
        Assert.Equal("delivery-started", refused.Code);
        Assert.Equal(awarded.ProjectId, evaluation.ProjectId);
    }

    [Fact]
    public void A_cancelled_scenarios_proposals_are_never_opened_whatever_closes_it_later()
    {
        var scenario = OpenScenario.Known(Guid.NewGuid(), Guid.NewGuid());
        scenario.Closed(ScenarioClosureKind.Cancelled, Now);
        scenario.Closed(ScenarioClosureKind.DeadlinePassed, Now.AddDays(1));

        Assert.True(scenario.Cancelled);
        Assert.Equal("scenario-cancelled", Assert.Throws<DomainRuleException>(() => scenario.OpenProposals([], new Dictionary<Guid, SizeClass?>(), Now.AddDays(2))).Code);
        Assert.Null(scenario.ProposalsOpenedAt);
    }
}
