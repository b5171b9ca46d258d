using System.Security.Claims;
using Marketplace.ServiceDefaults.Api;
using Marketplace.ServiceDefaults.Auth;
using Marketplace.ServiceDefaults.Errors;
using Marketplace.ServiceDefaults.Validation;
using Marketplace.Talent.Data;
using Marketplace.Talent.Domain;
using Marketplace.Talent.Taxonomy;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;

namespace Marketplace.Talent.Api;

/// <summary>
/// Staffing of awarded projects: the vendor sees each project's requirements, the matches of an
/// open one (consenting, available profiles, with reasons), and invites; a talent sees the open
/// roles they match.
/// </summary>
public static class StaffingApi
{
    public static IEndpointRouteBuilder MapStaffingApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/talent/staffing").WithTags("Staffing").WithGroupName(TalentModule.Name);
        group.MapGet("/projects", ProjectsAsync).RequireAuthorization(Roles.Vendor)
            .WithSummary("The staffing status of each of the vendor's awarded projects (open, filled and cancelled roles), newest award first");
        group.MapGet("/projects/{id:guid}", ProjectAsync).RequireAuthorization(Roles.Vendor)
            .WithSummary("One project of the vendor with its staffing requirements");
        group.MapGet("/requirements/{id:guid}/matches", MatchesAsync).RequireAuthorization(Roles.Vendor)
            .WithSummary("Profiles matching an open requirement, best first, with reasons in English and Chinese; each profile shown is an audited read");
        group.MapPost("/requirements/{id:guid}/invitations", InviteAsync).RequireAuthorization(Roles.Vendor)
            .WithSummary("Invite a talent (consenting, or an employee) to an open requirement");
        app.MapGet("/api/talent/me/matched-roles", MatchedRolesAsync).RequireAuthorization(Roles.Talent)
            .WithTags("Staffing").WithGroupName(TalentModule.Name)
            .WithSummary("Open roles the calling talent matches (only while they consent to be matched), with reasons");
        return app;
    }

    public static async Task<Results<Ok<PagedResult<ProjectStaffingResponse>>, ValidationProblem>> ProjectsAsync(
        [AsParameters] PageQuery query, ClaimsPrincipal user, TalentDbContext db, CancellationToken ct)
    {
        var errors = new ValidationErrors();
        var (page, pageSize) = Paging.Check(errors, query.Page, query.PageSize);
        if (!errors.IsValid)
        {
            return errors.ToProblem();
        }
        var org = user.OrganisationId();
        var projects = db.Projects.AsNoTracking().Where(p => p.VendorId == org && p.VendorId != null);
        var total = await projects.CountAsync(ct);
        var items = await projects.OrderByDescending(p => p.AwardedAt).ThenBy(p => p.ProjectId).Skip((page - 1) * pageSize).Take(pageSize).ToListAsync(ct);
        var ids = items.Select(p => p.ProjectId).ToList();
        var counts = await db.Requirements.AsNoTracking().Where(r => ids.Contains(r.ProjectId))
            .GroupBy(r => new { r.ProjectId, r.Status }).Select(g => new { g.Key.ProjectId, g.Key.Status, Count = g.Count() }).ToListAsync(ct);
        return TypedResults.Ok(new PagedResult<ProjectStaffingResponse>(
            [.. items.Select(p => Summary(p, counts.Where(c => c.ProjectId == p.ProjectId).ToDictionary(c => c.Status, c => c.Count)))], page, pageSize, total));
    }

    public static async Task<Results<Ok<ProjectStaffingDetail>, ProblemHttpResult>> ProjectAsync(
        Guid id, ClaimsPrincipal user, TalentDbContext db, SkillTaxonomy taxonomy, CancellationToken ct)
    {
        var project = await db.Projects.AsNoTracking().FirstOrDefaultAsync(p => p.ProjectId == id, ct);
        if (project?.VendorId is not { } vendor || !user.ActsFor(Roles.Vendor, vendor))
        {
            return ProblemResults.NotFound(TalentTexts.ProjectNotFound);
        }
        var requirements = await db.Requirements.AsNoTracking().Where(r => r.ProjectId == id).OrderBy(r => r.Position).ToListAsync(ct);
        var pending = await db.Invitations.AsNoTracking().Where(i => i.ProjectId == id && i.Status == InvitationStatus.Pending)
            .GroupBy(i => i.RequirementId).Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(g => g.Key, g => g.Count, ct);
        var summary = Summary(project, requirements.GroupBy(r => r.Status).ToDictionary(g => g.Key, g => g.Count()));
        return TypedResults.Ok(new ProjectStaffingDetail(summary, [.. requirements.Select(r => RequirementResponse.From(r, taxonomy, pending.GetValueOrDefault(r.Id)))]));
    }

    public static async Task<Results<Ok<PagedResult<MatchResponse>>, ValidationProblem, ProblemHttpResult>> MatchesAsync(
        Guid id, [AsParameters] PageQuery query, ClaimsPrincipal user, TalentDbContext db, RoleMatcher matcher, TimeProvider time, CancellationToken ct)
    {
        var errors = new ValidationErrors();
        var (page, pageSize) = Paging.Check(errors, query.Page, query.PageSize);
        if (!errors.IsValid)
        {
            return errors.ToProblem();
        }
        var requirement = await db.Requirements.AsNoTracking().FirstOrDefaultAsync(r => r.Id == id, ct);
        if (requirement is null || !user.ActsFor(Roles.Vendor, requirement.VendorId))
        {
            return ProblemResults.NotFound(TalentTexts.RequirementNotFound);
        }
        // Consent is read now, from the database: a profile whose consent was just withdrawn is not among the candidates.
        var candidates = await db.Profiles.AsNoTracking().Where(p => p.ConsentToMatch && p.SharePercent > 0).ToListAsync(ct);
        var matches = matcher.Match(requirement, candidates);
        var items = matches.Skip((page - 1) * pageSize).Take(pageSize).ToList();
        await ProfileReads.AuditAsync(db, user, items.Select(m => m.Profile), $"matches of requirement {id}", time.GetUtcNow(), ct);
        return TypedResults.Ok(new PagedResult<MatchResponse>([.. items.Select(m => new MatchResponse(
            m.Profile.Id, m.Profile.DisplayName, m.Skill.SkillUri, m.Skill.Level, m.Skill.Years, m.Profile.AvailableFrom, m.Profile.SharePercent,
            m.Profile.Languages, m.Profile.EmployerOrganisationId == requirement.VendorId, m.Score, m.Reasons.En, m.Reasons.Zh))], page, pageSize, matches.Count));
    }

    public static async Task<Results<Created<InvitationResponse>, ValidationProblem, ProblemHttpResult>> InviteAsync(
        Guid id, InviteRequest request, ClaimsPrincipal user, TalentDbContext db, TimeProvider time, CancellationToken ct)
    {
        var requirement = await db.Requirements.FirstOrDefaultAsync(r => r.Id == id, ct);
        if (requirement is null || !user.ActsFor(Roles.Vendor, requirement.VendorId))
        {
            return ProblemResults.NotFound(TalentTexts.RequirementNotFound);
        }
        if (request.TalentId is not { } talentId)
        {
            return new ValidationErrors().Required("talentId", null).ToProblem();
        }
        var profile = await db.Profiles.AsNoTracking().FirstOrDefaultAsync(p => p.Id == talentId, ct);
        if (profile is null || !(RoleMatcher.Offered(profile) || profile.EmployerOrganisationId == requirement.VendorId))
        {
            return new ValidationErrors().Add("talentId", TalentTexts.TalentNotOffered).ToProblem();
        }
        if (requirement.Status != RequirementStatus.Open)
        {
            return ProblemResults.Conflict("requirement-not-open", TalentTexts.RequirementNotOpen);
        }
        if (await db.Invitations.AnyAsync(i => i.RequirementId == id && i.TalentId == talentId && i.Status == InvitationStatus.Pending, ct))
        {
            return ProblemResults.Conflict("already-invited", TalentTexts.AlreadyInvited);
        }
        var invitation = new StaffingInvitation(Guid.NewGuid(), requirement, talentId, time.GetUtcNow());
        db.Invitations.Add(invitation);
        await db.SaveChangesAsync(ct);
        return TypedResults.Created($"/api/talent/invitations/{invitation.Id}", InvitationsApi.Response(invitation, requirement));
    }

    public static async Task<Results<Ok<PagedResult<MatchedRoleResponse>>, ValidationProblem>> MatchedRolesAsync(
        [AsParameters] PageQuery query, ClaimsPrincipal user, TalentDbContext db, RoleMatcher matcher, SkillTaxonomy taxonomy, TalentOptions options, CancellationToken ct)
    {
        var errors = new ValidationErrors();
        var (page, pageSize) = Paging.Check(errors, query.Page, query.PageSize);
        if (!errors.IsValid)
        {
            return errors.ToProblem();
        }
        var profile = user.TalentId() is { } me ? await db.Profiles.AsNoTracking().FirstOrDefaultAsync(p => p.Id == me, ct) : null;
        if (profile is null || !RoleMatcher.Offered(profile))
        {
            return TypedResults.Ok(new PagedResult<MatchedRoleResponse>([], page, pageSize, 0));
        }
        var open = await db.Requirements.AsNoTracking().Where(r => r.Status == RequirementStatus.Open && r.SkillUri != null)
            .OrderByDescending(r => r.CreatedAt).ThenBy(r => r.Id).Take(options.MatchedRolesScanLimit).ToListAsync(ct);
        var matched = open.Select(r => (Requirement: r, Match: matcher.Match(r, [profile]) is [var only, ..] ? only : null)).Where(x => x.Match is not null).ToList();
        var items = matched.Skip((page - 1) * pageSize).Take(pageSize)
            .Select(x => new MatchedRoleResponse(RequirementResponse.From(x.Requirement, taxonomy, 0), x.Requirement.VendorId, x.Match!.Reasons.En, x.Match.Reasons.Zh)).ToList();
        return TypedResults.Ok(new PagedResult<MatchedRoleResponse>(items, page, pageSize, matched.Count));
    }

    private static ProjectStaffingResponse Summary(StaffedProject p, IReadOnlyDictionary<RequirementStatus, int> counts) => new(
        p.ProjectId, p.ScenarioId, p.AwardedAt, p.Cancelled, counts.GetValueOrDefault(RequirementStatus.Open), counts.GetValueOrDefault(RequirementStatus.Filled),
        counts.GetValueOrDefault(RequirementStatus.Cancelled));
}
