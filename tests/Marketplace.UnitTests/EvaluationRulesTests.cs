using Marketplace.Contracts.Identity;
using Marketplace.Matching.Domain;
using Marketplace.ServiceDefaults.Errors;

namespace Marketplace.UnitTests;

public sealed class EvaluationRulesTests
{
    private static readonly DateTimeOffset Now = new(2026, 12, 30, 2, 0, 0, TimeSpan.Zero);
    private static readonly Guid A = new("00000000-0000-0000-0000-00000000000a");
    private static readonly Guid B = new("00000000-0000-0000-0000-00000000000b");
    private static readonly Guid Department = new("00000000-0000-0000-0000-0000000000de");
    private const string E1 = "00000000-0000-0000-0000-0000000000e1";
    private const string E2 = "00000000-0000-0000-0000-0000000000e2";
    private const string E3 = "00000000-0000-0000-0000-0000000000e3";

    internal static OrganisationMember Member(string userId, Guid? organisation, MemberRole role = MemberRole.DepartmentOfficer, bool active = true)
    {
        var member = new OrganisationMember(Guid.Parse(userId));
        member.Apply(new MembershipChanged(member.UserId, organisation, [role], false, active, Now));
        return member;
    }

    private static OrganisationMember Officer(string userId) => Member(userId, Department);

    private static Evaluation Configured(bool normalise = false)
    {
        var evaluation = Evaluation.Start(Guid.NewGuid(), Department);
        evaluation.Configure(CriteriaWeights.Default, [Officer(E1), Officer(E2), Officer(E3)], normalise);
        foreach (var evaluator in new[] { E1, E2 })
        {
            evaluation.Declare(evaluator, A, conflict: false, "", Now);
            evaluation.Declare(evaluator, B, conflict: false, "", Now);
        }
        return evaluation;
    }

    [Theory]
    [InlineData(60, 30, 10, true)]
    [InlineData(50, 50, 0, true)]
    [InlineData(70, 20, 10, true)]
    [InlineData(49, 41, 10, false)]
    [InlineData(60, 30, 20, false)]
    [InlineData(110, -10, 0, false)]
    public void Weights_sum_to_100_with_quality_at_least_50(int quality, int price, int innovation, bool valid)
    {
        Assert.Equal(valid, !new CriteriaWeights(quality, price, innovation).Problems().Any());
    }

    [Fact]
    public void An_evaluator_declares_before_seeing_and_a_declared_conflict_excludes_them()
    {
        var evaluation = Configured();
        Assert.Equal("declare-first", Assert.Throws<DomainRuleException>(() => evaluation.EnsureMaySee(E3, A)).Code);
        evaluation.Declare(E3, A, conflict: true, "Former employee of the vendor", Now);
        Assert.Equal("conflict-declared", Assert.Throws<DomainRuleException>(() => evaluation.Score(new EvaluatorScore(E3, A, 50, 5, "x"))).Code);
        Assert.Equal("already-declared", Assert.Throws<DomainRuleException>(() => evaluation.Declare(E3, A, false, "", Now)).Code);
        Assert.Equal("not-an-evaluator", Assert.Throws<DomainRuleException>(() => evaluation.Declare("stranger", A, false, "", Now)).Code);
    }

    [Fact]
    public void The_ranking_averages_evaluators_adds_the_price_formula_and_flags_a_tie_at_the_top()
    {
        var evaluation = Configured();
        evaluation.Score(new EvaluatorScore(E1, A, 50, 8, "Strong approach"));
        evaluation.Score(new EvaluatorScore(E2, A, 40, 6, "Good"));
        evaluation.Score(new EvaluatorScore(E1, B, 40, 5, "Adequate"));
        evaluation.Score(new EvaluatorScore(E2, B, 30, 5, "Thin"));

        var ranking = evaluation.Rank(new Dictionary<Guid, decimal> { [A] = 2_000_000m, [B] = 1_000_000m });

        var a = ranking.Single(r => r.ProposalId == A);
        var b = ranking.Single(r => r.ProposalId == B);
        Assert.Equal(45m, a.Quality);
        Assert.Equal(15m, a.Price); // 1,000,000 ÷ 2,000,000 × 30
        Assert.Equal(67m, a.Total); // 45 + 7 + 15
        Assert.Equal(30m, b.Price);
        Assert.Equal(70m, b.Total); // 35 + 5 + 30
        Assert.Equal((1, 2), (b.Rank, a.Rank));
        Assert.False(b.TiedAtTop);

        evaluation.Score(new EvaluatorScore(E2, B, 24, 5, "Thin, revised"));
        var tied = evaluation.Rank(new Dictionary<Guid, decimal> { [A] = 2_000_000m, [B] = 1_000_000m });
        Assert.All(tied, r => Assert.True(r.TiedAtTop));
        Assert.All(tied, r => Assert.Equal(1, r.Rank));
    }

    [Fact]
    public void Normalisation_evens_out_a_harsh_evaluator()
    {
        var evaluation = Configured(normalise: true);
        evaluation.Score(new EvaluatorScore(E1, A, 30, 5, "harsh"));
        evaluation.Score(new EvaluatorScore(E1, B, 15, 5, "harsh"));
        evaluation.Score(new EvaluatorScore(E2, A, 60, 10, "lenient"));
        evaluation.Score(new EvaluatorScore(E2, B, 30, 10, "lenient"));

        var ranking = evaluation.Rank(new Dictionary<Guid, decimal> { [A] = 1m, [B] = 1m });

        // Each evaluator's best proposal gets full marks; the harsh one no longer drags A down.
        Assert.Equal(60m, ranking.Single(r => r.ProposalId == A).Quality);
        Assert.Equal(30m, ranking.Single(r => r.ProposalId == B).Quality);
    }

    [Fact]
    public void An_award_can_be_cancelled_only_within_its_standstill_period()
    {
        var evaluation = Configured();
        var proposal = EvaluationIntegrityTests.Opened(evaluation.ScenarioId);

        var awarded = evaluation.Award(proposal, "Highest ranked, within budget", Now, TimeSpan.FromDays(10));
        Assert.Equal(proposal.VendorOrganisationId, awarded.VendorOrganisationId);
        Assert.Equal("ML engineer", Assert.Single(awarded.TeamRoles).Skill);
        Assert.Equal("already-awarded", Assert.Throws<DomainRuleException>(() => evaluation.Award(proposal, "again", Now, TimeSpan.FromDays(10))).Code);
        Assert.Equal("already-awarded", Assert.Throws<DomainRuleException>(() => evaluation.Score(new EvaluatorScore(E1, A, 1, 1, "late"))).Code);

        var cancelled = evaluation.CancelAward("Challenge upheld", Now.AddDays(9));
        Assert.Equal(awarded.ProjectId, cancelled.ProjectId);
        evaluation.Award(proposal, "Re-awarded after review", Now.AddDays(9), TimeSpan.FromDays(10));
        Assert.Equal("standstill-over", Assert.Throws<DomainRuleException>(() => evaluation.CancelAward("too late", Now.AddDays(20))).Code);
        Assert.Equal("scoring-started", Assert.Throws<DomainRuleException>(() => Configured().Also(e => e.Score(new EvaluatorScore(E1, A, 1, 1, "x")))
            .Configure(CriteriaWeights.Default, [Officer(E1)], false)).Code);
    }
}

internal static class TestExtensions
{
    public static T Also<T>(this T value, Action<T> action)
    {
        action(value);
        return value;
    }
}
