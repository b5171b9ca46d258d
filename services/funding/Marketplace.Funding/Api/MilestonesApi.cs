using System.Security.Claims;
using Marketplace.Funding.Data;
using Marketplace.Funding.Domain;
using Marketplace.ServiceDefaults.Auth;
using Marketplace.ServiceDefaults.Data;
using Marketplace.ServiceDefaults.Localization;
using Marketplace.ServiceDefaults.Validation;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;

namespace Marketplace.Funding.Api;

public sealed record MilestonePlanRequest(string? DeliverableEn, string? DeliverableZh, DateTimeOffset? DueAt, decimal? AmountHkd);

public sealed record PlanMilestonesRequest(IReadOnlyList<MilestonePlanRequest>? Milestones);

public sealed record KpiValueRequest(string? NameEn, string? NameZh, string? Target, string? Achieved);

public sealed record ProgressReportRequest(
    [MultilineText] string? ProgressEn, [MultilineText] string? ProgressZh, IReadOnlyList<KpiValueRequest>? Kpis,
    [MultilineText] string? OutcomeSummaryEn, [MultilineText] string? OutcomeSummaryZh);

public sealed record MilestoneDecisionRequest([MultilineText] string? Comment);

/// <summary>
/// Delivery of a funded project: milestones whose amounts add up to the grant, the vendor's progress
/// and KPI reports, and the officer's acceptance (releasing the payment: MilestoneAccepted,
/// DisbursementReleased; the last one ProjectCompleted) or return with comments.
/// </summary>
public static class MilestonesApi
{
    public const int MaxMilestones = 24;
    public const int MaxKpis = 20;

    public static readonly LocalizedText OutcomeRequired = new(
        "The last milestone's report needs the project's outcome summary in both languages ('outcomeSummaryEn', 'outcomeSummaryZh').",
        "最後一個里程碑的報告須附兩種語言的項目成果摘要（「outcomeSummaryEn」、「outcomeSummaryZh」）。");

    public static IEndpointRouteBuilder MapMilestonesApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/funding/applications/{id:guid}/milestones").WithTags("Milestones and payments").WithGroupName(FundingModule.Name);
        group.MapPut("", PlanAsync).RequireAuthorization(Roles.FundingOfficer)
            .WithSummary("Plan a funded application's milestones (deliverable, due date, amount); their amounts add up to the grant");
        group.MapPost("/{milestoneId:guid}/report", ReportAsync).RequireAuthorization(Roles.Vendor)
            .WithSummary("The vendor reports progress and KPI values (the last milestone also the outcome summary)");
        group.MapPost("/{milestoneId:guid}/accept", AcceptAsync).RequireAuthorization(Roles.FundingOfficer)
            .WithSummary("Accept a reported milestone and release its payment (emits MilestoneAccepted, DisbursementReleased; the last one ProjectCompleted)");
        group.MapPost("/{milestoneId:guid}/return", ReturnAsync).RequireAuthorization(Roles.FundingOfficer)
            .WithSummary("Return a milestone's report to the vendor with comments");
        return app;
    }

    public static async Task<Results<Ok<ApplicationResponse>, ValidationProblem, ProblemHttpResult>> PlanAsync(
        Guid id, PlanMilestonesRequest request, ClaimsPrincipal user, FundingDbContext db, TimeProvider time, CancellationToken ct)
    {
        var (application, scheme, viewer, denied) = await ApplicationAccess.LoadAsync(db, id, user, [Viewer.Officer], ct);
        if (denied is not null)
        {
            return denied;
        }
        var plans = request.Milestones ?? [];
        var errors = new ValidationErrors();
        if (plans.Count == 0)
        {
            errors.Required("milestones", null);
        }
        errors.Must(plans.Count <= MaxMilestones, "milestones", FundingTexts.TooMany.Format("milestones", MaxMilestones));
        for (var i = 0; i < plans.Count && i < MaxMilestones; i++)
        {
            var field = $"milestones[{i}]";
            errors.Text(field + ".deliverableEn", plans[i].DeliverableEn, 500).Text(field + ".deliverableZh", plans[i].DeliverableZh, 500)
                .Between(field + ".amountHkd", plans[i].AmountHkd, 1, 1_000_000_000).Instant(field + ".dueAt", plans[i].DueAt);
        }
        if (errors.IsValid)
        {
            errors.Must(plans.Sum(p => p.AmountHkd!.Value) == application!.GrantHkd, "milestones", FundingApplication.MilestonesNotGrant.Format(Money.Hkd(application.GrantHkd)));
        }
        if (!errors.IsValid)
        {
            return errors.ToProblem();
        }
        application!.PlanMilestones([.. plans.Select(p => new MilestonePlan(p.DeliverableEn!.Trim(), p.DeliverableZh!.Trim(), p.DueAt!.Value, p.AmountHkd!.Value))]);
        await db.SaveChangesAsync(ct);
        return TypedResults.Ok(await ApplicationsApi.ResponseAsync(db, application, scheme!, viewer, time.GetUtcNow(), ct));
    }

    public static async Task<Results<Ok<ApplicationResponse>, ValidationProblem, ProblemHttpResult>> ReportAsync(
        Guid id, Guid milestoneId, ProgressReportRequest request, ClaimsPrincipal user, FundingDbContext db, TimeProvider time, CancellationToken ct)
    {
        var (application, scheme, viewer, denied) = await ApplicationAccess.LoadAsync(db, id, user, [Viewer.Vendor], ct);
        if (denied is not null)
        {
            return denied;
        }
        var errors = new ValidationErrors().Text("progressEn", request.ProgressEn, 4000).Text("progressZh", request.ProgressZh, 4000)
            .Text("outcomeSummaryEn", request.OutcomeSummaryEn, 4000, required: false).Text("outcomeSummaryZh", request.OutcomeSummaryZh, 4000, required: false);
        var kpis = request.Kpis ?? [];
        errors.Must(kpis.Count <= MaxKpis, "kpis", FundingTexts.TooMany.Format("kpis", MaxKpis));
        for (var i = 0; i < kpis.Count && i < MaxKpis; i++)
        {
            var field = $"kpis[{i}]";
            errors.Text(field + ".nameEn", kpis[i].NameEn, 200).Text(field + ".nameZh", kpis[i].NameZh, 200)
                .Text(field + ".target", kpis[i].Target, 200).Text(field + ".achieved", kpis[i].Achieved, 200);
        }
        var last = application!.Milestones.Count > 0 && application.Milestones.Max(m => m.Number) == application.Milestones.FirstOrDefault(m => m.Id == milestoneId)?.Number;
        errors.Must(!last || (!string.IsNullOrWhiteSpace(request.OutcomeSummaryEn) && !string.IsNullOrWhiteSpace(request.OutcomeSummaryZh)), "outcomeSummaryEn", OutcomeRequired);
        if (!errors.IsValid)
        {
            return errors.ToProblem();
        }
        var report = new MilestoneReport(request.ProgressEn!.Trim(), request.ProgressZh!.Trim(),
            [.. kpis.Select(k => new KpiValue(k.NameEn!.Trim(), k.NameZh!.Trim(), k.Target!.Trim(), k.Achieved!.Trim()))],
            request.OutcomeSummaryEn?.Trim(), request.OutcomeSummaryZh?.Trim());
        application.ReportProgress(milestoneId, report, time.GetUtcNow());
        await db.SaveChangesAsync(ct);
        return TypedResults.Ok(await ApplicationsApi.ResponseAsync(db, application, scheme!, viewer, time.GetUtcNow(), ct));
    }

    public static async Task<Results<Ok<ApplicationResponse>, ValidationProblem, ProblemHttpResult>> AcceptAsync(
        Guid id, Guid milestoneId, MilestoneDecisionRequest request, ClaimsPrincipal user, FundingDbContext db, TimeProvider time, CancellationToken ct)
    {
        var (application, scheme, viewer, denied) = await ApplicationAccess.LoadAsync(db, id, user, [Viewer.Officer], ct);
        if (denied is not null)
        {
            return denied;
        }
        var errors = new ValidationErrors().Text("comment", request.Comment, 2000, required: false);
        if (!errors.IsValid)
        {
            return errors.ToProblem();
        }
        var now = time.GetUtcNow();
        foreach (var message in application!.AcceptMilestone(milestoneId, request.Comment?.Trim(), now))
        {
            db.AddEvent(message, now);
        }
        await db.SaveChangesAsync(ct);
        return TypedResults.Ok(await ApplicationsApi.ResponseAsync(db, application, scheme!, viewer, now, ct));
    }

    public static async Task<Results<Ok<ApplicationResponse>, ValidationProblem, ProblemHttpResult>> ReturnAsync(
        Guid id, Guid milestoneId, MilestoneDecisionRequest request, ClaimsPrincipal user, FundingDbContext db, TimeProvider time, CancellationToken ct)
    {
        var (application, scheme, viewer, denied) = await ApplicationAccess.LoadAsync(db, id, user, [Viewer.Officer], ct);
        if (denied is not null)
        {
            return denied;
        }
        var errors = new ValidationErrors().Text("comment", request.Comment, 2000);
        if (!errors.IsValid)
        {
            return errors.ToProblem();
        }
        application!.ReturnReport(milestoneId, request.Comment!.Trim());
        await db.SaveChangesAsync(ct);
        return TypedResults.Ok(await ApplicationsApi.ResponseAsync(db, application, scheme!, viewer, time.GetUtcNow(), ct));
    }
}
