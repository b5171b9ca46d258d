using System.Security.Claims;
using Marketplace.Matching.Data;
using Marketplace.Matching.Domain;
using Marketplace.Matching.Notifications;
using Marketplace.ServiceDefaults.Auth;
using Marketplace.ServiceDefaults.Data;
using Marketplace.ServiceDefaults.Errors;
using Marketplace.ServiceDefaults.Localization;
using Marketplace.ServiceDefaults.Validation;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;

namespace Marketplace.Matching.Api;

public sealed record EvaluationRequest(int? Quality, int? Price, int? Innovation, IReadOnlyList<string>? Evaluators, bool? Normalise);

public sealed record DeclarationRequest(bool? Conflict, [MultilineText] string? Note);

public sealed record ScoreRequest(int? Quality, int? Innovation, [MultilineText] string? Comment);

public sealed record AwardRequest(Guid? ProposalId, [MultilineText] string? Justification);

public sealed record CancelAwardRequest([MultilineText] string? Reason);

/// <summary>
/// A proposal's place in the ranking as the caller may see it. Withheld parts are null with
/// <c>hidden: true</c> and the reason: an evaluator sees no row of a proposal withheld from them,
/// and while any is withheld no price score, total or rank at all (each is relative to the lowest
/// price, which could be the withheld one), and the rows in id order.
/// </summary>
public sealed record RankingRow(
    Guid ProposalId, bool Hidden, HiddenReason? HiddenReason, decimal? Quality, decimal? Innovation, decimal? Price, decimal? Total, int? Rank,
    bool? TiedAtTop, int? Evaluators)
{
    public static readonly LocalizedText RelativeToWithheld = new(
        "Price scores, totals and ranks are relative to the lowest price, which may be that of a proposal withheld from you; they are not shown to you.",
        "價格分數、總分及排名均相對於最低價格而定，而最低價格可能屬於對你保密的建議書，故不向你顯示。");

    public static RankingRow From(RankedProposal r) =>
        new(r.ProposalId, false, null, r.Quality, r.Innovation, r.Price, r.Total, r.Rank, r.TiedAtTop, r.Evaluators);

    public static RankingRow Withheld(Guid proposalId, ContentWithheld withheld) =>
        new(proposalId, true, HiddenReason.From(withheld), null, null, null, null, null, null, null);

    public static RankingRow MarksOnly(RankedProposal r) =>
        new(r.ProposalId, true, HiddenReason.From(new ContentWithheld("relative-to-withheld", RelativeToWithheld)), r.Quality, r.Innovation,
            null, null, null, null, r.Evaluators);
}

public sealed record EvaluationResponse(
    Guid ScenarioId, CriteriaWeights Weights, bool Normalise, IReadOnlyList<string> Evaluators, int Declarations, int Scores,
    IReadOnlyList<RankingRow> Ranking, Guid? AwardedProposalId, string? AwardJustification, DateTimeOffset? AwardedAt, DateTimeOffset? StandstillEndsAt);

public sealed record FeedbackScore(string Evaluator, int Quality, int Innovation, string Comment);

public sealed record FeedbackResponse(Guid ProposalId, bool Awarded, RankedProposal? Ranking, IReadOnlyList<FeedbackScore> Scores);

/// <summary>
/// Evaluation and award of a scenario's opened proposals by its department: weights, evaluators,
/// conflict declarations before content, scores, ranking, award with a standstill period, and each
/// vendor's own feedback once awarded.
/// </summary>
public static class EvaluationApi
{
    public static readonly LocalizedText NotYet = new("Proposals have not been opened yet.", "建議書尚未開啟。");
    public const int MaxEvaluators = 20;

    public static readonly LocalizedText TooManyEvaluators = new("'evaluators' may name at most 20 people.", "「evaluators」最多可列 20 人。");
    public static readonly LocalizedText NotAManager = new(
        "Only the department's organisation managers manage its evaluations (weights, evaluators, award).",
        "只有部門的機構管理人可管理評審（權重、評審人員、判授）。");
    public static readonly LocalizedText NotAViewer = new(
        "The evaluation is shown only to its evaluators and to the department's organisation managers.", "評審只向其評審人員及部門的機構管理人顯示。");
    public static readonly LocalizedText NoFeedbackYet = new("Feedback is available once the scenario has been awarded.", "情境判授後方可查閱評審意見。");

    public static IEndpointRouteBuilder MapEvaluationApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/matching").WithTags("Evaluation and award").WithGroupName(MatchingModule.Name);
        group.MapGet("/scenarios/{scenarioId:guid}/evaluation", GetAsync).RequireAuthorization(Roles.DepartmentOfficer)
            .WithSummary("The evaluation: weights, evaluators, ranking (after opening), award (its evaluators and the department's organisation managers)");
        group.MapPut("/scenarios/{scenarioId:guid}/evaluation", ConfigureAsync).RequireAuthorization(Roles.DepartmentOfficer)
            .WithSummary("Set weights (sum 100, quality ≥ 50), evaluators (user ids of the department's officers) and normalisation, before scoring starts (organisation managers)");
        group.MapPost("/proposals/{id:guid}/declaration", DeclareAsync).RequireAuthorization(Roles.DepartmentOfficer)
            .WithSummary("An evaluator declares whether they have a conflict of interest with an opened proposal, before seeing it");
        group.MapPost("/proposals/{id:guid}/scores", ScoreAsync).RequireAuthorization(Roles.DepartmentOfficer)
            .WithSummary("An evaluator without a conflict scores a proposal: integer quality and innovation marks up to their weights, with a comment");
        group.MapPost("/scenarios/{scenarioId:guid}/award", AwardAsync).RequireAuthorization(Roles.DepartmentOfficer)
            .WithSummary("Award one opened proposal with a justification (emits ProjectAwarded)");
        group.MapPost("/scenarios/{scenarioId:guid}/award/cancel", CancelAwardAsync).RequireAuthorization(Roles.DepartmentOfficer)
            .WithSummary("Cancel the award within the standstill period (emits AwardCancelled)");
        group.MapGet("/proposals/{id:guid}/feedback", FeedbackAsync).RequireAuthorization(Roles.Vendor)
            .WithSummary("After the award: the vendor's own scores and comments (evaluators unnamed), total and rank");
        return app;
    }

    public static async Task<Results<Ok<EvaluationResponse>, ProblemHttpResult>> GetAsync(Guid scenarioId, ClaimsPrincipal user, MatchingDbContext db, CancellationToken ct)
    {
        var (scenario, evaluation, denied) = await LoadAsync(scenarioId, user, db, EvaluationAccess.View, ct);
        if (denied is not null)
        {
            return denied;
        }
        return TypedResults.Ok(await ToResponseAsync(db, scenario!, evaluation!, user, ct));
    }

    public static async Task<Results<Ok<EvaluationResponse>, ValidationProblem, ProblemHttpResult>> ConfigureAsync(
        Guid scenarioId, EvaluationRequest request, ClaimsPrincipal user, MatchingDbContext db, CancellationToken ct)
    {
        var (scenario, evaluation, denied) = await LoadAsync(scenarioId, user, db, EvaluationAccess.Manage, ct);
        if (denied is not null)
        {
            return denied;
        }
        var errors = new ValidationErrors();
        if (request.Quality is null || request.Price is null || request.Innovation is null)
        {
            errors.Required(request.Quality is null ? "quality" : request.Price is null ? "price" : "innovation", null);
        }
        var requested = request.Evaluators ?? [];
        if (requested.Count == 0)
        {
            errors.Required("evaluators", null);
        }
        errors.Must(requested.Count <= MaxEvaluators, "evaluators", TooManyEvaluators);
        var weights = new CriteriaWeights(request.Quality ?? 0, request.Price ?? 0, request.Innovation ?? 0);
        foreach (var (field, problem) in errors.IsValid ? weights.Problems() : [])
        {
            errors.Add(field, problem);
        }
        // Evaluators are the department's officers by the identity facts matching holds.
        var ids = requested.Take(MaxEvaluators).Select(v => Guid.TryParse(v, out var id) ? id : (Guid?)null).ToList();
        var wanted = ids.OfType<Guid>().ToList();
        var known = await db.OrganisationMembers.AsNoTracking().Where(m => wanted.Contains(m.UserId)).ToDictionaryAsync(m => m.UserId, ct);
        for (var i = 0; i < ids.Count; i++)
        {
            var officer = ids[i] is { } id && known.TryGetValue(id, out var member) && member.IsOfficerOf(scenario!.DepartmentId);
            errors.Must(officer, $"evaluators[{i}]", Evaluation.NotAnOfficer.Format($"evaluators[{i}]"));
        }
        if (!errors.IsValid)
        {
            return errors.ToProblem();
        }
        evaluation!.Configure(weights, ids.Select(id => known[id!.Value]).ToList(), request.Normalise ?? false);
        await db.SaveChangesAsync(ct);
        return TypedResults.Ok(await ToResponseAsync(db, scenario!, evaluation, user, ct));
    }

    public static async Task<Results<NoContent, ValidationProblem, ProblemHttpResult>> DeclareAsync(
        Guid id, DeclarationRequest request, ClaimsPrincipal user, MatchingDbContext db, TimeProvider time, CancellationToken ct)
    {
        var (proposal, evaluation, denied) = await ForEvaluatorAsync(id, user, db, ct);
        if (denied is not null)
        {
            return denied;
        }
        var errors = new ValidationErrors().Text("note", request.Note, 2000, required: request.Conflict == true);
        if (request.Conflict is null)
        {
            errors.Required("conflict", null);
        }
        if (!errors.IsValid)
        {
            return errors.ToProblem();
        }
        evaluation!.Declare(user.UserId()!, proposal!.Id, request.Conflict!.Value, request.Note ?? "", time.GetUtcNow());
        await db.SaveChangesAsync(ct);
        return TypedResults.NoContent();
    }

    public static async Task<Results<NoContent, ValidationProblem, ProblemHttpResult>> ScoreAsync(
        Guid id, ScoreRequest request, ClaimsPrincipal user, MatchingDbContext db, CancellationToken ct)
    {
        var (proposal, evaluation, denied) = await ForEvaluatorAsync(id, user, db, ct);
        if (denied is not null)
        {
            return denied;
        }
        var errors = new ValidationErrors().Between("quality", request.Quality, 0, evaluation!.QualityWeight)
            .Between("innovation", request.Innovation, 0, evaluation.InnovationWeight).Text("comment", request.Comment, 2000);
        if (!errors.IsValid)
        {
            return errors.ToProblem();
        }
        evaluation.Score(new EvaluatorScore(user.UserId()!, proposal!.Id, request.Quality!.Value, request.Innovation!.Value, request.Comment!.Trim()));
        await db.SaveChangesAsync(ct);
        return TypedResults.NoContent();
    }

    public static async Task<Results<Ok<EvaluationResponse>, ValidationProblem, ProblemHttpResult>> AwardAsync(
        Guid scenarioId, AwardRequest request, ClaimsPrincipal user, MatchingDbContext db, TimeProvider time, MatchingOptions options, CancellationToken ct)
    {
        var (scenario, evaluation, denied) = await LoadAsync(scenarioId, user, db, EvaluationAccess.Manage, ct);
        if (denied is not null)
        {
            return denied;
        }
        var errors = new ValidationErrors().Text("justification", request.Justification, 4000);
        if (request.ProposalId is null)
        {
            errors.Required("proposalId", null);
        }
        if (!errors.IsValid)
        {
            return errors.ToProblem();
        }
        // Which proposals may be awarded is the evaluation's rule (this scenario's, opened, verified); here only whether it exists.
        var proposal = await db.Proposals.AsNoTracking().FirstOrDefaultAsync(p => p.Id == request.ProposalId, ct);
        if (proposal is null)
        {
            return new ValidationErrors().Add("proposalId", ProposalsApi.NotFound).ToProblem();
        }
        var now = time.GetUtcNow();
        db.AddEvent(evaluation!.Award(proposal, request.Justification!, now, options.Standstill), now);
        // Every bidder hears the outcome in the same transaction as the award.
        var bidders = await db.Proposals.AsNoTracking().Where(p => p.ScenarioId == scenarioId && p.OpenedAt != null).ToListAsync(ct);
        await VendorInbox.AddAsync(db, bidders.Select(p => p.Id == proposal.Id
            ? VendorNotices.Awarded(p, scenario!, now, evaluation.StandstillEndsAt!.Value)
            : VendorNotices.NotAwarded(p, scenario!, now)), ct);
        await db.SaveChangesAsync(ct);
        return TypedResults.Ok(await ToResponseAsync(db, scenario!, evaluation, user, ct));
    }

    public static async Task<Results<Ok<EvaluationResponse>, ValidationProblem, ProblemHttpResult>> CancelAwardAsync(
        Guid scenarioId, CancelAwardRequest request, ClaimsPrincipal user, MatchingDbContext db, TimeProvider time, CancellationToken ct)
    {
        var (scenario, evaluation, denied) = await LoadAsync(scenarioId, user, db, EvaluationAccess.Manage, ct);
        if (denied is not null)
        {
            return denied;
        }
        var errors = new ValidationErrors().Text("reason", request.Reason, 2000);
        if (!errors.IsValid)
        {
            return errors.ToProblem();
        }
        var now = time.GetUtcNow();
        var awarded = evaluation!.AwardedProposalId is { } awardedId ? await db.Proposals.AsNoTracking().FirstOrDefaultAsync(p => p.Id == awardedId, ct) : null;
        db.AddEvent(evaluation.CancelAward(request.Reason!, now), now);
        if (awarded is not null)
        {
            await VendorInbox.AddAsync(db, [VendorNotices.AwardCancelled(awarded, scenario!, request.Reason!.Trim(), now)], ct);
        }
        await db.SaveChangesAsync(ct);
        return TypedResults.Ok(await ToResponseAsync(db, scenario!, evaluation, user, ct));
    }

    public static async Task<Results<Ok<FeedbackResponse>, ProblemHttpResult>> FeedbackAsync(Guid id, ClaimsPrincipal user, MatchingDbContext db, CancellationToken ct)
    {
        var proposal = await db.Proposals.AsNoTracking().FirstOrDefaultAsync(p => p.Id == id, ct);
        if (proposal is null || !user.ActsFor(Roles.Vendor, proposal.VendorOrganisationId))
        {
            return ProblemResults.NotFound(ProposalsApi.NotFound);
        }
        var evaluation = await db.Evaluations.AsNoTracking().FirstOrDefaultAsync(e => e.ScenarioId == proposal.ScenarioId, ct);
        if (evaluation?.AwardedProposalId is null)
        {
            return ProblemResults.Conflict("not-awarded-yet", NoFeedbackYet);
        }
        var ranking = evaluation.Rank(await PricesAsync(db, proposal.ScenarioId, ct)).FirstOrDefault(r => r.ProposalId == id);
        // Evaluators are not named to vendors: numbered in a stable order.
        var numbers = evaluation.Evaluators.Select((e, i) => (e, i)).ToDictionary(x => x.e, x => x.i + 1, StringComparer.Ordinal);
        var scores = evaluation.Scores.Where(s => s.ProposalId == id).OrderBy(s => numbers.GetValueOrDefault(s.EvaluatorId))
            .Select(s => new FeedbackScore($"Evaluator {numbers.GetValueOrDefault(s.EvaluatorId)}", s.Quality, s.Innovation, s.Comment)).ToList();
        return TypedResults.Ok(new FeedbackResponse(id, evaluation.AwardedProposalId == id, ranking, scores));
    }

    /// <summary>Why an officer may not see an opened proposal's content (null: an evaluator of it who declared no conflict).</summary>
    internal static async Task<ContentWithheld?> WithheldAsync(MatchingDbContext db, ClaimsPrincipal user, Proposal proposal, CancellationToken ct)
    {
        var evaluation = await db.Evaluations.AsNoTracking().FirstOrDefaultAsync(e => e.ScenarioId == proposal.ScenarioId, ct);
        return evaluation is null ? new ContentWithheld("not-an-evaluator", Evaluation.NotAnEvaluator) : evaluation.ContentWithheldFrom(user.UserId(), proposal.Id);
    }

    private static async Task<(Proposal?, Evaluation?, ProblemHttpResult?)> ForEvaluatorAsync(Guid id, ClaimsPrincipal user, MatchingDbContext db, CancellationToken ct)
    {
        var proposal = await db.Proposals.AsNoTracking().FirstOrDefaultAsync(p => p.Id == id && p.OpenedAt != null, ct);
        if (proposal is null)
        {
            return (null, null, ProblemResults.NotFound(ProposalsApi.NotFound));
        }
        var (_, evaluation, denied) = await LoadAsync(proposal.ScenarioId, user, db, EvaluationAccess.Evaluate, ct);
        return (proposal, evaluation, denied);
    }

    private static async Task<(OpenScenario?, Evaluation?, ProblemHttpResult?)> LoadAsync(
        Guid scenarioId, ClaimsPrincipal user, MatchingDbContext db, EvaluationAccess access, CancellationToken ct)
    {
        var scenario = await db.OpenScenarios.AsNoTracking().FirstOrDefaultAsync(s => s.ScenarioId == scenarioId, ct);
        if (scenario is null)
        {
            return (null, null, ProblemResults.NotFound(ProposalsApi.ScenarioNotOpen));
        }
        if (!user.ActsFor(Roles.DepartmentOfficer, scenario.DepartmentId))
        {
            return (null, null, ProblemResults.Forbidden(ProposalsApi.NotYourScenario));
        }
        if (scenario.ProposalsOpenedAt is null)
        {
            return (null, null, ProblemResults.Conflict("proposals-sealed", NotYet));
        }
        var evaluation = await db.Evaluations.FirstOrDefaultAsync(e => e.ScenarioId == scenarioId, ct);
        if (evaluation is null)
        {
            evaluation = Evaluation.Start(scenarioId, scenario.DepartmentId);
            db.Evaluations.Add(evaluation);
        }
        if (access != EvaluationAccess.Evaluate)
        {
            // Managing (and seeing the ranking, whose price scores come from sealed prices) is for the department's
            // organisation managers by the identity facts held; evaluators also see it, withheld as they declared.
            var me = Guid.TryParse(user.UserId(), out var id) ? await db.OrganisationMembers.AsNoTracking().FirstOrDefaultAsync(m => m.UserId == id, ct) : null;
            var manager = evaluation.IsManagedBy(me);
            if (access == EvaluationAccess.Manage && !manager)
            {
                return (null, null, ProblemResults.Forbidden(NotAManager));
            }
            if (access == EvaluationAccess.View && !manager && !evaluation.Evaluators.Contains(user.UserId() ?? ""))
            {
                return (null, null, ProblemResults.Forbidden(NotAViewer));
            }
        }
        return (scenario, evaluation, null);
    }

    private static async Task<Dictionary<Guid, decimal>> PricesAsync(MatchingDbContext db, Guid scenarioId, CancellationToken ct) =>
        await db.Proposals.AsNoTracking().Where(p => p.ScenarioId == scenarioId && p.OpenedAt != null).ToDictionaryAsync(p => p.Id, p => p.PriceHkd, ct);

    private static async Task<EvaluationResponse> ToResponseAsync(MatchingDbContext db, OpenScenario scenario, Evaluation e, ClaimsPrincipal user, CancellationToken ct) =>
        new(scenario.ScenarioId, e.Weights, e.Normalise, e.Evaluators, e.Declarations.Count, e.Scores.Count,
            RankingFor(e, e.Rank(await PricesAsync(db, scenario.ScenarioId, ct)), user.UserId()),
            e.AwardedProposalId, e.AwardJustification, e.AwardedAt, e.StandstillEndsAt);

    /// <summary>Managers see the whole ranking; an evaluator nothing a withheld proposal's price could be worked out from.</summary>
    private static List<RankingRow> RankingFor(Evaluation e, IReadOnlyList<RankedProposal> ranking, string? me)
    {
        if (me is null || !e.Evaluators.Contains(me))
        {
            return ranking.Select(RankingRow.From).ToList();
        }
        var withheld = ranking.ToDictionary(r => r.ProposalId, r => e.ContentWithheldFrom(me, r.ProposalId));
        if (withheld.Values.All(w => w is null))
        {
            return ranking.Select(RankingRow.From).ToList();
        }
        // In id order: the order of totals would tell the ranks.
        return ranking.OrderBy(r => r.ProposalId)
            .Select(r => withheld[r.ProposalId] is { } w ? RankingRow.Withheld(r.ProposalId, w) : RankingRow.MarksOnly(r)).ToList();
    }
}

/// <summary>What a caller of the evaluation endpoints needs to be beyond an officer of the department.</summary>
internal enum EvaluationAccess
{
    /// <summary>An evaluator or an organisation manager of the department.</summary>
    View,
    /// <summary>An organisation manager of the department.</summary>
    Manage,
    /// <summary>Nothing more here: the evaluation itself checks the evaluator (declarations, scores).</summary>
    Evaluate,
}
