using Marketplace.Contracts.Funding;
using Marketplace.Contracts.Identity;
using Marketplace.Funding.Domain;
using Microsoft.EntityFrameworkCore;

namespace Marketplace.Funding.Data;

/// <summary>
/// Demo data: the Hong Kong schemes of a funding body, and for each awarded, in-delivery or
/// completed demo project its application as it would stand by now: assessed by the body's
/// officer and assessor, decided, and with milestones reported, accepted and paid. History, not
/// news: nothing is published (the catalogue's demo data already shows these projects' outcomes).
/// </summary>
public sealed record FundingSeed(Guid FundingBodyId, Guid OfficerId, Guid AssessorId, IReadOnlyList<FundingSeed.SeedProject> Projects)
{
    public enum Stage
    {
        Awarded,
        InDelivery,
        Completed,
    }

    public sealed record SeedProject(
        Guid ProjectId, Guid ScenarioId, Guid VendorId, string VendorBusinessRegistrationNumber, SizeClass VendorSize, string TitleEn, string TitleZh,
        string Sector, IReadOnlyList<string> TargetSchemes, decimal PriceHkd, DateTimeOffset AwardedAt, DateTimeOffset? DeliveryStartedAt,
        DateTimeOffset? CompletedAt, Stage Stage);

    public async Task<bool> ApplyAsync(FundingDbContext db, DateTimeOffset now, CancellationToken ct)
    {
        if (await db.Schemes.AnyAsync(ct))
        {
            return false;
        }
        var schemes = SchemeCatalogue.HongKong(now.AddYears(-2)).Select(c => new Scheme(Guid.NewGuid(), FundingBodyId, c)).ToList();
        db.Schemes.AddRange(schemes);
        var decided = new List<OtherApplication>();
        foreach (var p in Projects)
        {
            // The scenario's first target scheme that exists, as ApplicationOpening chooses.
            if (p.TargetSchemes.Select(code => schemes.FirstOrDefault(s => s.Code == code)).FirstOrDefault(s => s is not null) is not { } scheme)
            {
                continue;
            }
            var project = new AwardedProject(p.ProjectId, p.ScenarioId);
            project.Awarded(p.VendorId, p.PriceHkd, p.AwardedAt);
            var scenario = new ScenarioFacts(p.ScenarioId);
            scenario.Published(Guid.Empty, p.TitleEn, p.TitleZh, p.Sector, p.TargetSchemes, p.AwardedAt.AddDays(-60));
            db.AwardedProjects.Add(project);
            db.Scenarios.Add(scenario);
            var application = Build(p, scheme, project, scenario, decided, now);
            decided.Add(application.AsOther);
            db.Applications.Add(application);
        }
        await db.SaveChangesAsync(ct);
        return true;
    }

    private FundingApplication Build(SeedProject p, Scheme scheme, AwardedProject project, ScenarioFacts scenario, List<OtherApplication> others, DateTimeOffset now)
    {
        var opened = p.AwardedAt.AddMinutes(5);
        var application = FundingApplication.FromAward(Guid.NewGuid(), scheme, project, scenario, opened);
        // A realistic split of the contract value by cost type; the company pays the rest.
        var manpower = decimal.Round(p.PriceHkd * 0.6m, 0);
        var computing = decimal.Round(p.PriceHkd * 0.25m, 0);
        application.Complete(p.TitleEn, p.TitleZh,
        [
            new BudgetLine(CostType.Manpower, manpower, "Project team (data scientists, engineers, project manager)"),
            new BudgetLine(CostType.Computing, computing, "Model training and inference capacity"),
            new BudgetLine(CostType.Equipment, p.PriceHkd - manpower - computing, "Sensors, cameras and edge devices"),
        ], p.PriceHkd / 2, true, true);
        // The vendor's facts reach funding as identity's events once the bus runs; the engine weighs the demo's own now.
        var vendor = new VendorFacts(p.VendorId);
        vendor.Registration(p.VendorBusinessRegistrationNumber);
        vendor.Details("", "", p.VendorSize, OrganisationStatus.Approved, opened);
        var report = EligibilityEngine.Evaluate(scheme, application.Facts, vendor, others);
        var submitted = opened.AddDays(6);
        application.Submit(report, submitted);
        var assigned = submitted.AddDays(1);
        application.AssignAssessors([AssessorId, OfficerId], scheme.AssessorCount, assigned);
        application.Respond(OfficerId, accept: true, null, null, assigned.AddHours(2));
        application.Score(scheme, OfficerId, [.. scheme.Criteria.Select((c, i) => new CriterionScore(c.Code, 7 + (i % 2)))],
            "Clear plan with measurable outcomes; the department has committed its data.", Recommendation.Fund, assigned.AddDays(2));
        if (p.Stage == Stage.Awarded)
        {
            // The assessor's own assignment waits for their conflict declaration.
            return application;
        }
        application.Respond(AssessorId, accept: true, null, null, assigned.AddHours(5));
        application.Score(scheme, AssessorId, [.. scheme.Criteria.Select((c, i) => new CriterionScore(c.Code, 8 - (i % 3)))],
            "Strong technical approach; budget is reasonable for the scale of the pilot.", Recommendation.Fund, assigned.AddDays(3));
        var decidedAt = assigned.AddDays(8);
        application.Decide(scheme, FundingOutcome.Funded, report.RecommendedGrantHkd, report.RecommendedGrantHkd,
            "Quarterly progress reports; data stays in Hong Kong.", "Both assessors recommend funding; every eligibility rule passes.", decidedAt.AddDays(3), decidedAt);
        var start = p.DeliveryStartedAt ?? decidedAt;
        var grant = application.GrantHkd;
        var first = decimal.Round(grant * 0.3m, 0);
        var second = decimal.Round(grant * 0.4m, 0);
        application.PlanMilestones(
        [
            new MilestonePlan("Data pipeline and baseline model", "數據管道及基準模型", start.AddMonths(2), first),
            new MilestonePlan("Pilot at the first sites", "首批地點試行", start.AddMonths(4), second),
            new MilestonePlan("Full rollout and evaluation report", "全面推行及評估報告", start.AddMonths(6), grant - first - second),
        ]);
        var milestones = application.Milestones;
        var kpi = new KpiValue("Accuracy against manual review", "與人手覆核比較的準確度", "≥ 90%", "93%");
        if (p.Stage == Stage.Completed)
        {
            var done = p.CompletedAt ?? now;
            for (var i = 0; i < milestones.Count; i++)
            {
                var at = i == milestones.Count - 1 ? done.AddMinutes(-1) : milestones[i].DueAt.AddDays(-2);
                application.ReportProgress(milestones[i].Id, new MilestoneReport($"Milestone {i + 1} delivered as planned.", $"第 {i + 1} 個里程碑按計劃完成。", [kpi],
                    i == milestones.Count - 1 ? "The pilot met its targets and the department is extending it." : null,
                    i == milestones.Count - 1 ? "試點達到目標，部門正擴展應用。" : null), at);
                application.AcceptMilestone(milestones[i].Id, "Accepted.", at.AddMinutes(1));
            }
            return application;
        }
        // In delivery: the first milestone paid, the second reported and waiting for the officer.
        application.ReportProgress(milestones[0].Id, new MilestoneReport("Pipeline live; baseline model trained.", "數據管道已上線；基準模型已完成訓練。", [kpi], null, null),
            milestones[0].DueAt.AddDays(-3));
        application.AcceptMilestone(milestones[0].Id, "Accepted.", milestones[0].DueAt.AddDays(-1));
        application.ReportProgress(milestones[1].Id, new MilestoneReport("First sites running; night-time accuracy still below target.", "首批地點已運作；夜間準確度仍未達標。",
            [kpi with { Achieved = "87%" }], null, null), now.AddDays(-2));
        return application;
    }
}
