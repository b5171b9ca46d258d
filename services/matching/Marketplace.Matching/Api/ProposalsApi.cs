using System.Security.Claims;
using Marketplace.Matching.Data;
using Marketplace.Matching.Domain;
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

public sealed record ProposedRoleRequest(string? Skill, string? Seniority, Guid? TalentId);

public sealed record ProposalRequest(
    [MultilineText] string? Approach, decimal? PriceHkd, int? DurationMonths, bool? DataResidencyCompliant, string? SupportLevel, IReadOnlyList<ProposedRoleRequest>? TeamRoles);

/// <summary>The vendor's receipt: keep it; the opened proposal must hash to the same value.</summary>
public sealed record ReceiptResponse(Guid ProposalId, Guid ScenarioId, string Sha256, DateTimeOffset SubmittedAt);

/// <summary>
/// A proposal. Content a caller may not see is absent (null) with <c>hidden: true</c> and the reason,
/// never shown as empty or zero values that look like real data.
/// </summary>
public sealed record ProposalResponse(
    Guid Id, Guid ScenarioId, Guid VendorOrganisationId, string Status, bool Hidden, HiddenReason? HiddenReason, string? Approach, decimal? PriceHkd,
    int? DurationMonths, bool? DataResidencyCompliant, string? SupportLevel, IReadOnlyList<ProposedRole>? TeamRoles, DateTimeOffset? SubmittedAt,
    string? ReceiptSha256, bool NeedsReconfirmation, DateTimeOffset? OpenedAt, bool? VerifiedAtOpening)
{
    /// <summary>An opened proposal without its content (who, when, verified), for department members it is withheld from.</summary>
    public static ProposalResponse Envelope(Proposal p, ContentWithheld withheld) => new(
        p.Id, p.ScenarioId, p.VendorOrganisationId, p.Status.ToString(), true, HiddenReason.From(withheld), null, null, null, null, null, null,
        p.SubmittedAt, p.ReceiptHash, false, p.OpenedAt, p.VerifiedAtOpening);

    public static ProposalResponse From(Proposal p, int scenarioAmendment) => new(
        p.Id, p.ScenarioId, p.VendorOrganisationId, p.Status.ToString(), false, null, p.Approach, p.PriceHkd, p.DurationMonths, p.DataResidencyCompliant,
        p.SupportLevel, p.TeamRoles, p.SubmittedAt, p.ReceiptHash, p.Status == ProposalStatus.Submitted && p.ConfirmedAmendment < scenarioAmendment,
        p.OpenedAt, p.VerifiedAtOpening);
}

/// <summary>
/// Sealed proposals. Until the deadline a proposal is visible only to its own vendor organisation:
/// no other endpoint, event or error shows its content. After the deadline the scenario's department
/// sees the proposals that count, each verified against its receipt.
/// </summary>
public static class ProposalsApi
{
    public static readonly LocalizedText NotFound = new("No proposal has this id.", "找不到此編號的建議書。");
    public static readonly LocalizedText ScenarioNotOpen = new(
        "This scenario is not open for proposals.", "此情境並未開放提交建議書。");
    public static readonly LocalizedText Sealed = new(
        "Proposals are sealed until the deadline; they open to the department when it passes.", "建議書在截止前保密；截止後才向部門開放。");
    public static readonly LocalizedText ScenarioCancelled = new(
        "This scenario was cancelled; it takes no proposals.", "此情境已取消，不接受建議書。");
    public static readonly LocalizedText TalentRepeated = new(
        "'{0}' names a talent already named in this team.", "「{0}」所列人才已在此團隊中列出。");
    public static readonly LocalizedText TalentEmpty = new("'{0}' must be a talent's id, not the empty id.", "「{0}」必須為人才編號，不可為空編號。");
    public static readonly LocalizedText NotYourScenario = new(
        "Only the scenario's own department sees its proposals.", "只有情境所屬部門可查閱其建議書。");

    public static IEndpointRouteBuilder MapProposalsApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/matching").WithTags("Proposals").WithGroupName(MatchingModule.Name);
        group.MapPost("/scenarios/{scenarioId:guid}/proposals", CreateAsync).RequireAuthorization(Roles.Vendor)
            .WithSummary("Draft a proposal for an open scenario (vendors)");
        group.MapGet("/scenarios/{scenarioId:guid}/proposals", ForDepartmentAsync).RequireAuthorization(p => p.RequireRole(Roles.DepartmentOfficer, Roles.Admin))
            .WithSummary("The scenario's opened proposals, each verified against its receipt (its department, after the deadline)");
        group.MapGet("/proposals/mine", MineAsync).RequireAuthorization(Roles.Vendor).WithSummary("The caller's vendor organisation's proposals");
        group.MapGet("/proposals/{id:guid}", GetAsync).RequireAuthorization(p => p.RequireRole(Roles.Vendor, Roles.DepartmentOfficer))
            .WithSummary("One proposal: its vendor always; the scenario's department once opened");
        group.MapPut("/proposals/{id:guid}", EditAsync).RequireAuthorization(Roles.Vendor)
            .WithSummary("Change the caller's proposal before the deadline (it must be submitted again)");
        group.MapPost("/proposals/{id:guid}/submit", SubmitAsync).RequireAuthorization(Roles.Vendor)
            .WithSummary("Submit before the deadline; answers the receipt (SHA-256 of the canonical content and the time)");
        group.MapPost("/proposals/{id:guid}/withdraw", WithdrawAsync).RequireAuthorization(Roles.Vendor).WithSummary("Withdraw a submitted proposal before the deadline");
        group.MapPost("/proposals/{id:guid}/reconfirm", ReconfirmAsync).RequireAuthorization(Roles.Vendor)
            .WithSummary("Confirm a submitted proposal still stands after the scenario was amended");
        return app;
    }

    public static async Task<Results<Created<ProposalResponse>, ValidationProblem, ProblemHttpResult>> CreateAsync(
        Guid scenarioId, ProposalRequest request, ClaimsPrincipal user, MatchingDbContext db, TimeProvider time, CancellationToken ct)
    {
        var scenario = await db.OpenScenarios.AsNoTracking().FirstOrDefaultAsync(s => s.ScenarioId == scenarioId, ct);
        if (scenario is not { PublishedAt: not null, ProposalDeadline: { } deadline })
        {
            return ProblemResults.NotFound(ScenarioNotOpen);
        }
        if (scenario.Cancelled)
        {
            return ProblemResults.Conflict("scenario-cancelled", ScenarioCancelled);
        }
        if (user.OrganisationId() is not { } vendor)
        {
            return ProblemResults.Forbidden(RecommendationsApi.NoOrganisation);
        }
        var (content, errors) = Check(request);
        if (content is null)
        {
            return errors.ToProblem();
        }
        // Late like any other late action (409 deadline-passed), also when the closure is known before the clock says so.
        var closesAt = scenario.ClosedAt is { } closed && closed < deadline ? closed : deadline;
        var proposal = Proposal.Draft(scenarioId, vendor, user.UserId() ?? "", content, time.GetUtcNow(), closesAt);
        db.Proposals.Add(proposal);
        await db.SaveChangesAsync(ct);
        return TypedResults.Created($"/api/matching/proposals/{proposal.Id}", ProposalResponse.From(proposal, scenario.AmendmentNumber));
    }

    public static async Task<Ok<IReadOnlyList<ProposalResponse>>> MineAsync(ClaimsPrincipal user, MatchingDbContext db, CancellationToken ct)
    {
        var vendor = user.OrganisationId();
        var proposals = await db.Proposals.AsNoTracking().Where(p => p.VendorOrganisationId == vendor).OrderByDescending(p => p.UpdatedAt).ToListAsync(ct);
        var ids = proposals.Select(p => p.ScenarioId).Distinct().ToList();
        var amendments = await db.OpenScenarios.AsNoTracking().Where(s => ids.Contains(s.ScenarioId)).ToDictionaryAsync(s => s.ScenarioId, s => s.AmendmentNumber, ct);
        return TypedResults.Ok<IReadOnlyList<ProposalResponse>>(proposals.Select(p => ProposalResponse.From(p, amendments.GetValueOrDefault(p.ScenarioId))).ToList());
    }

    public static async Task<Results<Ok<ProposalResponse>, ProblemHttpResult>> GetAsync(Guid id, ClaimsPrincipal user, MatchingDbContext db, CancellationToken ct)
    {
        var proposal = await db.Proposals.AsNoTracking().FirstOrDefaultAsync(p => p.Id == id, ct);
        var scenario = proposal is null ? null : await db.OpenScenarios.AsNoTracking().FirstOrDefaultAsync(s => s.ScenarioId == proposal.ScenarioId, ct);
        // Sealed: anyone but the author learns nothing, not even that the proposal exists.
        var author = proposal is not null && user.ActsFor(Roles.Vendor, proposal.VendorOrganisationId);
        var department = proposal is not null && proposal.OpenedAt is not null && scenario is not null && user.ActsFor(Roles.DepartmentOfficer, scenario.DepartmentId);
        if (proposal is null || !(author || department))
        {
            return ProblemResults.NotFound(NotFound);
        }
        if (!author && await EvaluationApi.WithheldAsync(db, user, proposal, ct) is { } withheld)
        {
            // Conflicts of interest are declared before content is shown; the code says which rule withholds it.
            return ProblemResults.Forbidden(withheld.Code, withheld.Reason);
        }
        return TypedResults.Ok(ProposalResponse.From(proposal, scenario?.AmendmentNumber ?? 0));
    }

    public static async Task<Results<Ok<IReadOnlyList<ProposalResponse>>, ProblemHttpResult>> ForDepartmentAsync(
        Guid scenarioId, ClaimsPrincipal user, MatchingDbContext db, CancellationToken ct)
    {
        var scenario = await db.OpenScenarios.AsNoTracking().FirstOrDefaultAsync(s => s.ScenarioId == scenarioId, ct);
        if (scenario is null)
        {
            return ProblemResults.NotFound(ScenarioNotOpen);
        }
        if (!user.IsInRole(Roles.Admin) && !user.ActsFor(Roles.DepartmentOfficer, scenario.DepartmentId))
        {
            return ProblemResults.Forbidden(NotYourScenario);
        }
        if (scenario.ProposalsOpenedAt is null)
        {
            return ProblemResults.Conflict("proposals-sealed", Sealed);
        }
        var opened = await db.Proposals.AsNoTracking().Where(p => p.ScenarioId == scenarioId && p.OpenedAt != null).OrderBy(p => p.SubmittedAt).ToListAsync(ct);
        var responses = new List<ProposalResponse>();
        foreach (var proposal in opened)
        {
            // Content only where the caller declared no conflict; otherwise the envelope (who, when, verified) and why.
            responses.Add(await EvaluationApi.WithheldAsync(db, user, proposal, ct) is { } withheld
                ? ProposalResponse.Envelope(proposal, withheld)
                : ProposalResponse.From(proposal, scenario.AmendmentNumber));
        }
        return TypedResults.Ok<IReadOnlyList<ProposalResponse>>(responses);
    }

    public static Task<Results<Ok<ProposalResponse>, ValidationProblem, ProblemHttpResult>> EditAsync(
        Guid id, ProposalRequest request, ClaimsPrincipal user, MatchingDbContext db, TimeProvider time, CancellationToken ct) =>
        ChangeAsync(id, user, db, time, request, (p, s, content, now) => p.Edit(content!, now, s.ProposalDeadline!.Value), ct);

    public static async Task<Results<Ok<ReceiptResponse>, ProblemHttpResult>> SubmitAsync(
        Guid id, ClaimsPrincipal user, MatchingDbContext db, TimeProvider time, CancellationToken ct)
    {
        var (proposal, scenario, denied) = await FindOwnAsync(id, user, db, ct);
        if (denied is not null)
        {
            return denied;
        }
        var now = time.GetUtcNow();
        var (hash, submitted) = proposal!.Submit(now, scenario!.ProposalDeadline!.Value, scenario.AmendmentNumber);
        db.AddEvent(submitted, now);
        await db.SaveChangesAsync(ct);
        return TypedResults.Ok(new ReceiptResponse(proposal.Id, proposal.ScenarioId, hash, now));
    }

    public static Task<Results<Ok<ProposalResponse>, ValidationProblem, ProblemHttpResult>> WithdrawAsync(
        Guid id, ClaimsPrincipal user, MatchingDbContext db, TimeProvider time, CancellationToken ct) =>
        ChangeAsync(id, user, db, time, null, (p, s, _, now) => p.Withdraw(now, s.ProposalDeadline!.Value), ct);

    public static Task<Results<Ok<ProposalResponse>, ValidationProblem, ProblemHttpResult>> ReconfirmAsync(
        Guid id, ClaimsPrincipal user, MatchingDbContext db, TimeProvider time, CancellationToken ct) =>
        ChangeAsync(id, user, db, time, null, (p, s, _, now) => p.Reconfirm(s.AmendmentNumber, now, s.ProposalDeadline!.Value), ct);

    private static async Task<Results<Ok<ProposalResponse>, ValidationProblem, ProblemHttpResult>> ChangeAsync(
        Guid id, ClaimsPrincipal user, MatchingDbContext db, TimeProvider time,
        ProposalRequest? request, Action<Proposal, OpenScenario, ProposalContent?, DateTimeOffset> change, CancellationToken ct)
    {
        var (proposal, scenario, denied) = await FindOwnAsync(id, user, db, ct);
        if (denied is not null)
        {
            return denied;
        }
        ProposalContent? content = null;
        if (request is not null)
        {
            (content, var errors) = Check(request);
            if (content is null)
            {
                return errors.ToProblem();
            }
        }
        change(proposal!, scenario!, content, time.GetUtcNow());
        await db.SaveChangesAsync(ct);
        return TypedResults.Ok(ProposalResponse.From(proposal!, scenario!.AmendmentNumber));
    }

    private static async Task<(Proposal?, OpenScenario?, ProblemHttpResult?)> FindOwnAsync(Guid id, ClaimsPrincipal user, MatchingDbContext db, CancellationToken ct)
    {
        var proposal = await db.Proposals.FirstOrDefaultAsync(p => p.Id == id, ct);
        if (proposal is null || !user.ActsFor(Roles.Vendor, proposal.VendorOrganisationId))
        {
            return (null, null, ProblemResults.NotFound(NotFound));
        }
        var scenario = await db.OpenScenarios.AsNoTracking().FirstAsync(s => s.ScenarioId == proposal.ScenarioId, ct);
        return (proposal, scenario, null);
    }

    /// <summary>Rules only; messages name fields, never echo what was written (it is sealed).</summary>
    private static (ProposalContent? Content, ValidationErrors Errors) Check(ProposalRequest r)
    {
        var errors = new ValidationErrors().Text("approach", r.Approach, 20000).Text("supportLevel", r.SupportLevel, 200)
            .Between("priceHkd", r.PriceHkd, 1, 1_000_000_000m).Between("durationMonths", r.DurationMonths, 1, 60);
        if (r.DataResidencyCompliant is null)
        {
            errors.Required("dataResidencyCompliant", null);
        }
        var roles = r.TeamRoles ?? [];
        errors.Must(roles.Count <= ProposedRole.MaxTeamRoles, "teamRoles", ProposedRole.TooMany);
        var talents = new HashSet<Guid>();
        for (var i = 0; i < Math.Min(roles.Count, ProposedRole.MaxTeamRoles); i++)
        {
            var field = $"teamRoles[{i}]";
            errors.Text($"{field}.skill", roles[i]?.Skill, 100).OneOf($"{field}.seniority", ProposedRole.KnownSeniority(roles[i]?.Seniority) ?? roles[i]?.Seniority, ProposedRole.Seniorities);
            // The talent service does not exist yet, so a named talent's existence cannot be checked here; its id can.
            if (roles[i]?.TalentId is { } talent)
            {
                errors.Must(talent != Guid.Empty, $"{field}.talentId", TalentEmpty.Format($"{field}.talentId"))
                    .Must(talent == Guid.Empty || talents.Add(talent), $"{field}.talentId", TalentRepeated.Format($"{field}.talentId"));
            }
        }
        if (!errors.IsValid)
        {
            return (null, errors);
        }
        return (new ProposalContent(r.Approach!, r.PriceHkd!.Value, r.DurationMonths!.Value, r.DataResidencyCompliant!.Value, r.SupportLevel!,
            roles.Select(x => new ProposedRole(x!.Skill!.Trim(), ProposedRole.KnownSeniority(x.Seniority)!, x.TalentId)).ToList()), errors);
    }
}
