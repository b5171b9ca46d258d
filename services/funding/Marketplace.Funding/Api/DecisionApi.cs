using System.Security.Claims;
using Marketplace.Contracts.Funding;
using Marketplace.Funding.Data;
using Marketplace.Funding.Domain;
using Marketplace.ServiceDefaults.Auth;
using Marketplace.ServiceDefaults.Data;
using Marketplace.ServiceDefaults.Errors;
using Marketplace.ServiceDefaults.Localization;
using Marketplace.ServiceDefaults.Validation;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;

namespace Marketplace.Funding.Api;

public sealed record DecisionRequest(
    FundingOutcome? Outcome, decimal? AmountHkd, [MultilineText] string? Conditions, [MultilineText] string? Reasons, DateTimeOffset? FeedbackReleaseAt);

/// <summary>The applicant's feedback once released: the decision with its reasons, and each assessor's scores and feedback (assessors unnamed).</summary>
public sealed record FeedbackResponse(Guid ApplicationId, DecisionResponse Decision, ScoringSummary Summary, IReadOnlyList<UnnamedFeedback> Assessors);

public sealed record UnnamedFeedback(int Assessor, Recommendation? Recommendation, string? Feedback, IReadOnlyList<CriterionScore> Scores);

public sealed record HistoryEntry(DateTimeOffset At, string AtHongKong, string Action, string UserId, string? UserName);

/// <summary>The panel's decision (FUNDED / UNFUNDED / ON_HOLD, never above the engine's grant) → FundingDecided; the applicant's feedback from its release date; the audit trail.</summary>
public static class DecisionApi
{
    public static IEndpointRouteBuilder MapDecisionApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/funding/applications").WithTags("Decision").WithGroupName(FundingModule.Name);
        group.MapPost("/{id:guid}/decision", DecideAsync).RequireAuthorization(Roles.FundingOfficer)
            .WithSummary("Decide: Funded (amount in whole HKD, at most the engine's grant now), Unfunded or OnHold, with conditions, reasons and the feedback release date (emits FundingDecided)");
        group.MapGet("/{id:guid}/feedback", FeedbackAsync).RequireAuthorization(Roles.Vendor)
            .WithSummary("The applicant's decision reasons and assessors' feedback, from the release date (409 feedback-not-released before)");
        group.MapGet("/{id:guid}/history", HistoryAsync).RequireAuthorization(Roles.FundingOfficer)
            .WithSummary("Every state change of the application: when, what and who (officers of the funding body)");
        return app;
    }

    public static async Task<Results<Ok<ApplicationResponse>, ValidationProblem, ProblemHttpResult>> DecideAsync(
        Guid id, DecisionRequest request, ClaimsPrincipal user, FundingDbContext db, TimeProvider time, CancellationToken ct)
    {
        var (application, scheme, viewer, denied) = await ApplicationAccess.LoadAsync(db, id, user, [Viewer.Officer], ct);
        if (denied is not null)
        {
            return denied;
        }
        var now = time.GetUtcNow();
        var report = await ApplicationAccess.EvaluateAsync(db, application!, scheme!, ct);
        var errors = new ValidationErrors().Text("reasons", request.Reasons, 4000).Text("conditions", request.Conditions, 4000, required: false);
        if (request.Outcome is null)
        {
            errors.Required("outcome", null);
        }
        errors.Instant("feedbackReleaseAt", request.FeedbackReleaseAt);
        errors.Must(request.FeedbackReleaseAt is null || request.FeedbackReleaseAt >= now.AddMinutes(-1), "feedbackReleaseAt", FundingTexts.NotBeforeDecision);
        if (request.Outcome == FundingOutcome.Funded)
        {
            errors.Between("amountHkd", request.AmountHkd, 1, 1_000_000_000)
                .Must(request.AmountHkd is null || request.AmountHkd == decimal.Truncate(request.AmountHkd.Value), "amountHkd", FundingApplication.GrantNotWhole)
                .Must(request.AmountHkd is null || request.AmountHkd <= report.RecommendedGrantHkd, "amountHkd",
                    FundingApplication.AboveEngineGrant.Format(Money.Hkd(report.RecommendedGrantHkd)));
        }
        else
        {
            errors.Must(request.AmountHkd is null or 0, "amountHkd", FundingTexts.AmountOnlyWhenFunded);
        }
        if (!errors.IsValid)
        {
            return errors.ToProblem();
        }
        var decided = application!.Decide(scheme!, request.Outcome!.Value, request.AmountHkd ?? 0, report.RecommendedGrantHkd, request.Conditions?.Trim(),
            request.Reasons!.Trim(), request.FeedbackReleaseAt!.Value, now);
        db.AddEvent(decided, now);
        await db.SaveChangesAsync(ct);
        return TypedResults.Ok(await ApplicationsApi.ResponseAsync(db, application, scheme!, viewer, now, ct));
    }

    public static async Task<Results<Ok<FeedbackResponse>, ProblemHttpResult>> FeedbackAsync(
        Guid id, ClaimsPrincipal user, FundingDbContext db, TimeProvider time, FundingOptions options, CancellationToken ct)
    {
        var (application, scheme, _, denied) = await ApplicationAccess.LoadAsync(db, id, user, [Viewer.Vendor], ct);
        if (denied is not null)
        {
            return denied;
        }
        var now = time.GetUtcNow();
        if (!application!.FeedbackReleasedAt(now))
        {
            return ProblemResults.Conflict("feedback-not-released", application.FeedbackReleaseAt is { } at
                ? FundingTexts.FeedbackNotYet.Format(HongKongTime.Format(at))
                : new LocalizedText("The application has not been decided yet.", "申請尚未有決定。"));
        }
        var decision = new DecisionResponse(application.Outcome!.Value, application.GrantHkd, application.Conditions, application.DecisionReasons,
            application.DecidedAt!.Value, application.FeedbackReleaseAt!.Value, HongKongTime.Format(application.FeedbackReleaseAt), true);
        var scored = application.Assessments.Where(a => a.Scored).OrderBy(a => a.ScoredAt).ToList();
        var summary = Scoring.Summarise(scheme!, scored, options.OutlierPointsPerTen);
        // Assessors stay unnamed to the applicant: numbered in the order they scored, their ids left out of the summary.
        summary = summary with { Criteria = [.. summary.Criteria.Select(c => c with { Scores = [] })] };
        return TypedResults.Ok(new FeedbackResponse(application.Id, decision, summary,
            [.. scored.Select((a, i) => new UnnamedFeedback(i + 1, a.Recommendation, a.Feedback, a.Scores!))]));
    }

    public static async Task<Results<Ok<IReadOnlyList<HistoryEntry>>, ProblemHttpResult>> HistoryAsync(Guid id, ClaimsPrincipal user, FundingDbContext db, CancellationToken ct)
    {
        var (application, _, _, denied) = await ApplicationAccess.LoadAsync(db, id, user, [Viewer.Officer], ct);
        if (denied is not null)
        {
            return denied;
        }
        var key = application!.AuditId;
        var entries = await db.AuditLog.AsNoTracking().Where(e => e.EntityType == nameof(FundingApplication) && e.EntityId == key)
            .OrderBy(e => e.Id).ToListAsync(ct);
        return TypedResults.Ok<IReadOnlyList<HistoryEntry>>([.. entries.Select(e => new HistoryEntry(e.At, HongKongTime.Format(e.At), e.Action, e.UserId, e.UserName))]);
    }
}
