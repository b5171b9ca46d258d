using System.Security.Claims;
using Marketplace.Contracts.Identity;
using Marketplace.Funding.Data;
using Marketplace.Funding.Domain;
using Marketplace.ServiceDefaults.Api;
using Marketplace.ServiceDefaults.Auth;
using Marketplace.ServiceDefaults.Errors;
using Marketplace.ServiceDefaults.Localization;
using Marketplace.ServiceDefaults.Validation;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;

namespace Marketplace.Funding.Api;

public sealed record AssignAssessorsRequest(IReadOnlyList<string>? Assessors);

public sealed record AssignmentAnswerRequest(bool? Accept, DeclineReason? DeclineReason, [MultilineText] string? Note);

public sealed record ScoreRequest(IReadOnlyList<CriterionScoreRequest>? Scores, [MultilineText] string? Feedback, Recommendation? Recommendation);

public sealed record CriterionScoreRequest(string? Criterion, int? Score);

public sealed record AssignmentQuery(int? Page, int? PageSize);

/// <summary>A person the caller's funding body may assign as an assessor: its active funding officers and assessors.</summary>
public sealed record AssessorCandidate(Guid UserId, string DisplayName, IReadOnlyList<MemberRole> Roles);

/// <summary>
/// An assessor's assignment as they may see it. Before they declare, only what an informed
/// declaration needs: whose application it is (the applicant organisation's name) and the project's
/// title, with <c>hidden: true</c> for the rest. After declining (a conflict or otherwise), nothing:
/// neither names nor title. Once accepted, the title, scheme and whether they have scored.
/// </summary>
public sealed record AssignmentItem(
    Guid ApplicationId, DateTimeOffset AssignedAt, AssignmentResponse Response, bool Hidden, string? HiddenCode,
    string? TitleEn, string? TitleZh, Guid? SchemeId, bool? Scored, string? ApplicantNameEn = null, string? ApplicantNameZh = null)
{
    /// <summary>The one place that decides what of an assignment its assessor is shown.</summary>
    public static AssignmentItem For(FundingApplication application, AssessorAssignment assignment, VendorFacts? applicant) => assignment.Response switch
    {
        AssignmentResponse.Accepted => new(application.Id, assignment.AssignedAt, assignment.Response, false, null, application.TitleEn, application.TitleZh,
            application.SchemeId, assignment.Scored, applicant?.NameEn, applicant?.NameZh),
        AssignmentResponse.Pending => new(application.Id, assignment.AssignedAt, assignment.Response, true, "declare-first", application.TitleEn, application.TitleZh,
            null, null, applicant?.NameEn, applicant?.NameZh),
        _ => new(application.Id, assignment.AssignedAt, assignment.Response, true, "assignment-declined", null, null, null, null),
    };
}

public sealed record ScoringResponse(Guid ApplicationId, decimal OutlierPointsPerTen, ScoringSummary Summary, IReadOnlyList<AssessorFeedback> Feedback);

public sealed record AssessorFeedback(Guid AssessorId, Recommendation? Recommendation, string? Feedback, IReadOnlyList<CriterionScore> Scores);

/// <summary>
/// Assessment: officers assign at least the scheme's number of assessors (its funding officers or
/// assessors); each accepts by declaring no conflict of interest, or declines with a reason; only
/// then is the application shown, scored per criterion with feedback and a recommendation.
/// </summary>
public static class AssessmentApi
{
    public const int MaxAssessors = 20;

    public static IEndpointRouteBuilder MapAssessmentApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/funding").WithTags("Assessment").WithGroupName(FundingModule.Name);
        group.MapGet("/assessors", CandidatesAsync).RequireAuthorization(Roles.FundingOfficer)
            .WithSummary("Who the caller's funding body may assign as assessors: its active funding officers and assessors, by name");
        group.MapPost("/applications/{id:guid}/assessors", AssignAsync).RequireAuthorization(Roles.FundingOfficer)
            .WithSummary("Assign assessors (user ids of the funding body's officers and assessors), at least the scheme's number; answers the assignments");
        group.MapGet("/assignments", MineAsync).RequireAuthorization(p => p.RequireRole(Roles.Assessor, Roles.FundingOfficer))
            .WithSummary("The caller's assessment assignments: before the conflict declaration only the applicant organisation's name and the project title; nothing after declining");
        group.MapPost("/applications/{id:guid}/assignment", AnswerAsync).RequireAuthorization(p => p.RequireRole(Roles.Assessor, Roles.FundingOfficer))
            .WithSummary("Accept (declaring no conflict of interest) or decline with a reason: ConflictOfInterest, NotMyExpertise, TooManyAssessments");
        group.MapPost("/applications/{id:guid}/scores", ScoreAsync).RequireAuthorization(p => p.RequireRole(Roles.Assessor, Roles.FundingOfficer))
            .WithSummary("An accepted assessor's integer score per criterion (0..max), written feedback and Fund / DoNotFund recommendation");
        group.MapGet("/applications/{id:guid}/scoring", ScoringAsync).RequireAuthorization(Roles.FundingOfficer)
            .WithSummary("Averages per criterion and each assessor's scores with outliers flagged (Funding:OutlierPointsPerTen)");
        return app;
    }

    public static async Task<Ok<IReadOnlyList<AssessorCandidate>>> CandidatesAsync(ClaimsPrincipal user, FundingDbContext db, CancellationToken ct)
    {
        var body = user.OrganisationId();
        var members = await db.OrganisationMembers.AsNoTracking().Where(m => body != null && m.OrganisationId == body && m.Active).ToListAsync(ct);
        // The same rule as assignment checks (MayAssessFor); roles live in a collection column, so it is applied here.
        return TypedResults.Ok<IReadOnlyList<AssessorCandidate>>([.. members.Where(m => m.MayAssessFor(body!.Value))
            .OrderBy(m => m.DisplayName, StringComparer.CurrentCulture).ThenBy(m => m.UserId)
            .Select(m => new AssessorCandidate(m.UserId, m.DisplayName, m.Roles))]);
    }

    public static async Task<Results<Ok<IReadOnlyList<AssignmentSummary>>, ValidationProblem, ProblemHttpResult>> AssignAsync(
        Guid id, AssignAssessorsRequest request, ClaimsPrincipal user, FundingDbContext db, TimeProvider time, CancellationToken ct)
    {
        var (application, scheme, _, denied) = await ApplicationAccess.LoadAsync(db, id, user, [Viewer.Officer], ct);
        if (denied is not null)
        {
            return denied;
        }
        var requested = request.Assessors ?? [];
        var errors = new ValidationErrors()
            .Must(requested.Count >= scheme!.AssessorCount, "assessors", FundingTexts.TooFewAssessors.Format(scheme.AssessorCount))
            .Must(requested.Count <= MaxAssessors, "assessors", FundingTexts.TooMany.Format("assessors", MaxAssessors));
        var ids = requested.Take(MaxAssessors).Select(v => Guid.TryParse(v, out var g) ? g : (Guid?)null).ToList();
        var wanted = ids.OfType<Guid>().ToList();
        var members = await db.OrganisationMembers.AsNoTracking().Where(m => wanted.Contains(m.UserId)).ToDictionaryAsync(m => m.UserId, ct);
        for (var i = 0; i < ids.Count; i++)
        {
            var field = $"assessors[{i}]";
            errors.Must(ids[i] is { } g && members.TryGetValue(g, out var m) && m.MayAssessFor(scheme.FundingBodyId), field, FundingTexts.NotAnAssessor.Format(field))
                .Must(ids.Take(i).All(o => o != ids[i]), field, Messages.NoDuplicates.Format(field));
        }
        if (!errors.IsValid)
        {
            return errors.ToProblem();
        }
        var now = time.GetUtcNow();
        application!.AssignAssessors(wanted, scheme.AssessorCount, now);
        await db.SaveChangesAsync(ct);
        // Only the assignments: the officer may have named themself, and from now on sees nothing of the application before declaring.
        return TypedResults.Ok<IReadOnlyList<AssignmentSummary>>([.. application.Assessments.Select(a => new AssignmentSummary(a.AssessorId, a.Response, a.DeclineReason, a.AssignedAt, a.Scored))]);
    }

    public static async Task<Results<Ok<PagedResult<AssignmentItem>>, ValidationProblem>> MineAsync(
        [AsParameters] AssignmentQuery query, ClaimsPrincipal user, FundingDbContext db, CancellationToken ct)
    {
        var errors = new ValidationErrors();
        var (page, pageSize) = Paging.Check(errors, query.Page, query.PageSize);
        if (!errors.IsValid)
        {
            return errors.ToProblem();
        }
        var org = user.OrganisationId();
        if (user.UserGuid() is not { } me)
        {
            return TypedResults.Ok(new PagedResult<AssignmentItem>([], page, pageSize, 0));
        }
        var slots = db.AssessorSlots.AsNoTracking()
            .Where(s => s.AssessorId == me && db.Applications.Any(a => a.Id == s.ApplicationId && a.FundingBodyId == org));
        var total = await slots.CountAsync(ct);
        var ids = await slots.OrderByDescending(s => s.AssignedAt).ThenBy(s => s.ApplicationId)
            .Skip((page - 1) * pageSize).Take(pageSize).Select(s => s.ApplicationId).ToListAsync(ct);
        var applications = await db.Applications.AsNoTracking().Where(a => ids.Contains(a.Id)).ToDictionaryAsync(a => a.Id, ct);
        var shown = ids.Select(id => (Application: applications[id], Assignment: applications[id].AssignmentOf(me)!)).ToList();
        var applicantIds = shown.Where(x => x.Assignment.Response != AssignmentResponse.Declined).Select(x => x.Application.VendorId).Distinct().ToList();
        var applicants = await db.Vendors.AsNoTracking().Where(v => applicantIds.Contains(v.Id)).ToDictionaryAsync(v => v.Id, ct);
        var items = shown.Select(x => AssignmentItem.For(x.Application, x.Assignment, applicants.GetValueOrDefault(x.Application.VendorId))).ToList();
        return TypedResults.Ok(new PagedResult<AssignmentItem>(items, page, pageSize, total));
    }

    public static async Task<Results<Ok<AssignmentItem>, ValidationProblem, ProblemHttpResult>> AnswerAsync(
        Guid id, AssignmentAnswerRequest request, ClaimsPrincipal user, FundingDbContext db, TimeProvider time, CancellationToken ct)
    {
        var application = await db.Applications.FirstOrDefaultAsync(a => a.Id == id, ct);
        // Only the assessor themself learns the application exists; to anyone else it is not found.
        if (application is null || user.UserGuid() is not { } me || application.AssignmentOf(me) is null || user.OrganisationId() != application.FundingBodyId)
        {
            return ProblemResults.NotFound(FundingTexts.ApplicationNotFound);
        }
        var errors = new ValidationErrors().Text("note", request.Note, 2000, required: false);
        if (request.Accept is null)
        {
            errors.Required("accept", null);
        }
        if (request.Accept == false && request.DeclineReason is null)
        {
            errors.Required("declineReason", null);
        }
        if (!errors.IsValid)
        {
            return errors.ToProblem();
        }
        application.Respond(me, request.Accept!.Value, request.DeclineReason, request.Note?.Trim(), time.GetUtcNow());
        await db.SaveChangesAsync(ct);
        var assignment = application.AssignmentOf(me)!;
        var applicant = assignment.Response == AssignmentResponse.Accepted
            ? await db.Vendors.AsNoTracking().FirstOrDefaultAsync(v => v.Id == application.VendorId, ct)
            : null;
        return TypedResults.Ok(AssignmentItem.For(application, assignment, applicant));
    }

    public static async Task<Results<NoContent, ValidationProblem, ProblemHttpResult>> ScoreAsync(
        Guid id, ScoreRequest request, ClaimsPrincipal user, FundingDbContext db, TimeProvider time, CancellationToken ct)
    {
        var (application, scheme, _, denied) = await ApplicationAccess.LoadAsync(db, id, user, [Viewer.Assessor, Viewer.Officer], ct);
        if (denied is not null)
        {
            return denied;
        }
        // An officer of the body scores only where they are an assessor who declared no conflict.
        if (user.UserGuid() is not { } me || !application!.MayBeSeenByAssessor(me))
        {
            return ProblemResults.Forbidden("not-an-assessor", FundingApplication.NotAssigned);
        }
        var errors = new ValidationErrors().Text("feedback", request.Feedback, 4000);
        if (request.Recommendation is null)
        {
            errors.Required("recommendation", null);
        }
        var scores = request.Scores ?? [];
        errors.Must(scores.Count <= 20, "scores", FundingTexts.TooMany.Format("scores", 20));
        var codes = string.Join(", ", scheme!.Criteria.Select(c => c.Code));
        for (var i = 0; i < scores.Count && i < 20; i++)
        {
            var criterion = scheme.Criteria.FirstOrDefault(c => c.Code == scores[i].Criterion);
            errors.Must(criterion is not null, $"scores[{i}].criterion", Messages.OneOf.Format($"scores[{i}].criterion", codes))
                .Must(scores.Take(i).All(o => o.Criterion != scores[i].Criterion), $"scores[{i}].criterion", Messages.NoDuplicates.Format($"scores[{i}].criterion"))
                .Between($"scores[{i}].score", scores[i].Score, 0, criterion?.MaxScore ?? 100);
        }
        foreach (var missing in scheme.Criteria.Where(c => scores.All(s => s.Criterion != c.Code)))
        {
            errors.Add("scores", Messages.Required.Format($"scores ({missing.Code})"));
        }
        if (!errors.IsValid)
        {
            return errors.ToProblem();
        }
        application!.Score(scheme, me, [.. scores.Select(s => new CriterionScore(s.Criterion!, s.Score!.Value))], request.Feedback!.Trim(),
            request.Recommendation!.Value, time.GetUtcNow());
        await db.SaveChangesAsync(ct);
        return TypedResults.NoContent();
    }

    public static async Task<Results<Ok<ScoringResponse>, ProblemHttpResult>> ScoringAsync(
        Guid id, ClaimsPrincipal user, FundingDbContext db, FundingOptions options, CancellationToken ct)
    {
        var (application, scheme, _, denied) = await ApplicationAccess.LoadAsync(db, id, user, [Viewer.Officer], ct);
        if (denied is not null)
        {
            return denied;
        }
        var summary = Scoring.Summarise(scheme!, application!.Assessments, options.OutlierPointsPerTen);
        var feedback = application.Assessments.Where(a => a.Scored).OrderBy(a => a.AssessorId)
            .Select(a => new AssessorFeedback(a.AssessorId, a.Recommendation, a.Feedback, a.Scores!)).ToList();
        return TypedResults.Ok(new ScoringResponse(application.Id, options.OutlierPointsPerTen, summary, feedback));
    }
}
