using Marketplace.Contracts.Funding;
using Marketplace.Funding.Domain;
using Marketplace.ServiceDefaults.Errors;
using static Marketplace.UnitTests.FundingTestData;

namespace Marketplace.UnitTests;

/// <summary>An application's transitions: submission, assessment, decision, milestones and payments.</summary>
public sealed class FundingApplicationRulesTests
{
    private static (FundingApplication Application, Scheme Scheme) Submitted()
    {
        var scheme = Scheme("TVP");
        var application = FundingApplication.Direct(Guid.NewGuid(), scheme, Guid.NewGuid(), "Bus arrival forecasts", "巴士到站預測", "transport", null, Now);
        application.Complete("Bus arrival forecasts", "巴士到站預測", [new BudgetLine(CostType.Manpower, 400_000m, "team")], 100_000m, true, true);
        application.Submit(EligibilityEngine.Evaluate(scheme, application.Facts, Vendor(), []), Now);
        return (application, scheme);
    }

    private static (FundingApplication Application, Scheme Scheme) Assessed(params int[] scoresPerAssessor)
    {
        var (application, scheme) = Submitted();
        var assessors = scoresPerAssessor.Select(_ => Guid.NewGuid()).ToList();
        application.AssignAssessors(assessors, assessors.Count, Now);
        foreach (var (assessor, score) in assessors.Zip(scoresPerAssessor))
        {
            application.Respond(assessor, accept: true, null, null, Now);
            application.Score(scheme, assessor, [.. scheme.Criteria.Select(c => new CriterionScore(c.Code, score))], "feedback", Recommendation.Fund, Now);
        }
        return (application, scheme);
    }

    private static (FundingApplication Application, Scheme Scheme) Funded(decimal grant = 300_000m)
    {
        var (application, scheme) = Assessed(7, 8);
        application.Decide(scheme, FundingOutcome.Funded, grant, 300_000m, null, "Strong case", Now, Now);
        return (application, scheme);
    }

    [Fact]
    public void An_ineligible_application_cannot_be_submitted()
    {
        var scheme = Scheme("TVP");
        var application = FundingApplication.Direct(Guid.NewGuid(), scheme, Guid.NewGuid(), "T", "題", "transport", null, Now);

        var refused = Assert.Throws<DomainRuleException>(() => application.Submit(EligibilityEngine.Evaluate(scheme, application.Facts, Vendor(), []), Now));

        Assert.Equal("not-eligible", refused.Code);
        Assert.Equal(ApplicationStatus.Draft, application.Status);
    }

    [Fact]
    public void A_grant_above_the_engines_is_refused()
    {
        var (application, scheme) = Submitted();

        var refused = Assert.Throws<DomainRuleException>(() => application.Decide(scheme, FundingOutcome.Funded, 300_001m, 300_000m, null, "r", Now, Now));

        Assert.Equal("above-engine-grant", refused.Code);
        Assert.Null(application.Outcome);
    }

    [Fact]
    public void Funding_is_refused_until_every_assessor_still_assigned_has_scored_but_unfunded_and_on_hold_are_not()
    {
        var (application, scheme) = Submitted();
        var (scored, pending, declined) = (Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid());
        application.AssignAssessors([scored, pending, declined], 2, Now);
        application.Respond(declined, accept: false, DeclineReason.ConflictOfInterest, "Former employer", Now);
        application.Respond(scored, accept: true, null, null, Now);
        application.Score(scheme, scored, [.. scheme.Criteria.Select(c => new CriterionScore(c.Code, 8))], "Strong", Recommendation.Fund, Now);

        var refused = Assert.Throws<DomainRuleException>(() => application.Decide(scheme, FundingOutcome.Funded, 300_000m, 300_000m, null, "r", Now, Now));
        Assert.Equal("assessment-incomplete", refused.Code);
        Assert.Null(application.Outcome);

        application.Decide(scheme, FundingOutcome.OnHold, 0m, 300_000m, null, "Waiting for the second assessor", Now, Now);
        Assert.Equal(ApplicationStatus.OnHold, application.Status);
        application.Respond(pending, accept: true, null, null, Now);
        application.Score(scheme, pending, [.. scheme.Criteria.Select(c => new CriterionScore(c.Code, 6))], "Sound", Recommendation.Fund, Now);
        application.Decide(scheme, FundingOutcome.Funded, 300_000m, 300_000m, null, "Both recommend", Now, Now);
        Assert.Equal(ApplicationStatus.Funded, application.Status);
    }

    [Fact]
    public void Funding_is_refused_when_a_criterions_average_misses_its_pass_mark_and_unfunded_stays_allowed()
    {
        // Pass mark 5 of 10 on every criterion: averages of 4 and 5 give 4.5.
        var (application, scheme) = Assessed(4, 5);

        var refused = Assert.Throws<DomainRuleException>(() => application.Decide(scheme, FundingOutcome.Funded, 300_000m, 300_000m, null, "r", Now, Now));

        Assert.Equal("pass-marks-not-met", refused.Code);
        Assert.Contains("pass mark", refused.Text.En, StringComparison.Ordinal);
        Assert.Contains("合格分數", refused.Text.Zh, StringComparison.Ordinal);
        application.Decide(scheme, FundingOutcome.Unfunded, 0m, 300_000m, null, "Below the pass marks", Now, Now);
        Assert.Equal(ApplicationStatus.Unfunded, application.Status);
    }

    [Fact]
    public void An_assessor_sees_nothing_before_declaring_and_nothing_after_declining()
    {
        var (application, _) = Submitted();
        var (first, second) = (Guid.NewGuid(), Guid.NewGuid());
        application.AssignAssessors([first, second], 2, Now);

        Assert.True(application.IsWithheldFrom(first));
        application.Respond(first, accept: true, null, null, Now);
        application.Respond(second, accept: false, DeclineReason.ConflictOfInterest, "Former employer", Now);

        Assert.True(application.MayBeSeenByAssessor(first));
        Assert.False(application.IsWithheldFrom(first));
        Assert.True(application.IsWithheldFrom(second));
        Assert.False(application.MayBeSeenByAssessor(second));
    }

    [Fact]
    public void The_assessor_slots_follow_every_assignment_and_answer_and_agree_with_the_withheld_rule()
    {
        var (application, _) = Submitted();
        var (first, second, third) = (Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid());
        application.AssignAssessors([first, second], 2, Now);
        application.Respond(first, accept: true, null, null, Now);
        // The officer replaces the second (still pending) assessor with a third.
        application.AssignAssessors([first, third], 2, Now.AddMinutes(5));
        application.Respond(third, accept: false, DeclineReason.TooManyAssessments, null, Now);

        Assert.Equal(
            [(first, AssignmentResponse.Accepted, Now), (third, AssignmentResponse.Declined, Now.AddMinutes(5))],
            application.Slots.OrderBy(s => s.AssignedAt).Select(s => (s.AssessorId, s.Response, s.AssignedAt)));
        Assert.All(application.Slots, s => Assert.Equal(application.Id, s.ApplicationId));
        foreach (var person in new[] { first, second, third, Guid.NewGuid() })
        {
            Assert.Equal(!application.IsWithheldFrom(person), FundingApplication.NotWithheldFrom(person).Compile()(application));
        }
    }

    [Fact]
    public void Fewer_assessors_than_the_scheme_needs_are_refused()
    {
        var (application, _) = Submitted();

        Assert.Equal("too-few-assessors", Assert.Throws<DomainRuleException>(() => application.AssignAssessors([Guid.NewGuid()], 2, Now)).Code);
    }

    [Fact]
    public void Milestones_must_add_up_to_the_grant()
    {
        var (application, _) = Funded();

        var refused = Assert.Throws<DomainRuleException>(() => application.PlanMilestones(
            [new MilestonePlan("Pilot", "試點", Now.AddMonths(3), 100_000m), new MilestonePlan("Rollout", "推行", Now.AddMonths(6), 150_000m)]));

        Assert.Equal("milestones-not-grant", refused.Code);
        Assert.Empty(application.Milestones);
    }

    [Fact]
    public void Accepting_each_milestone_releases_its_payment_and_the_last_completes_the_project()
    {
        var (application, _) = Funded();
        application.PlanMilestones([new MilestonePlan("Rollout", "推行", Now.AddMonths(6), 200_000m), new MilestonePlan("Pilot", "試點", Now.AddMonths(3), 100_000m)]);
        var (pilot, rollout) = (application.Milestones[0], application.Milestones[1]);
        Assert.Equal("Pilot", pilot.DeliverableEn);

        application.ReportProgress(pilot.Id, new MilestoneReport("Pilot live", "試點上線", [], null, null), Now);
        var first = application.AcceptMilestone(pilot.Id, null, Now);
        application.ReportProgress(rollout.Id, new MilestoneReport("All routes", "全線", [new KpiValue("Accuracy", "準確度", "90%", "93%")], "Done", "完成"), Now);
        var last = application.AcceptMilestone(rollout.Id, "Well done", Now);

        Assert.Equal(2, first.Count);
        Assert.Equal(100_000m, Assert.IsType<DisbursementReleased>(first[1]).TotalPaidHkd);
        Assert.Equal(300_000m, Assert.IsType<DisbursementReleased>(last[1]).TotalPaidHkd);
        Assert.Equal(ApplicationStatus.Completed, application.Status);
        Assert.Equal(application.GrantHkd, application.PaidHkd);
        Assert.Empty(last.OfType<ProjectCompleted>()); // a direct application funds no awarded project
        Assert.Equal("milestone-not-reported", Assert.Throws<DomainRuleException>(() => application.ReturnReport(rollout.Id, "again")).Code);
    }

    [Fact]
    public void A_milestone_is_overdue_once_due_and_not_accepted()
    {
        var milestone = new Milestone(Guid.NewGuid(), 1, "Pilot", "試點", Now, 1m);

        Assert.False(milestone.IsOverdueAt(Now));
        Assert.True(milestone.IsOverdueAt(Now.AddSeconds(1)));
        Assert.False((milestone with { Status = MilestoneStatus.Accepted }).IsOverdueAt(Now.AddDays(1)));
    }

    [Theory]
    [InlineData(new[] { 6, 7, 9 }, new[] { false, false, false })]     // mean 7.33: 9 is 1.67 away
    [InlineData(new[] { 3, 8, 8 }, new[] { true, false, false })]      // mean 6.33: 3 is 3.33 away
    [InlineData(new[] { 5, 5, 8, 10 }, new[] { false, false, false, true })] // mean 7: 10 is 3 away, 5 is 2 (not more)
    public void Scores_further_than_the_threshold_from_the_mean_are_outliers(int[] scores, bool[] outliers)
    {
        var scheme = Scheme("TVP");
        var assessments = scores.Select((s, i) => new AssessorAssignment(new Guid(i + 1, 0, 0, new byte[8]), Now, AssignmentResponse.Accepted,
            Scores: [.. scheme.Criteria.Select(c => new CriterionScore(c.Code, s))], Recommendation: Recommendation.Fund)).ToList();

        var summary = Scoring.Summarise(scheme, assessments, 2m);

        Assert.Equal(outliers, summary.Criteria[0].Scores.Select(c => c.Outlier).ToArray());
        Assert.Equal(Math.Round((decimal)scores.Sum() / scores.Length, 2), summary.Criteria[0].Average);
        Assert.Equal(scores.Length, summary.Fund);
    }
}
