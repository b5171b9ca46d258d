using System.Security.Claims;
using Marketplace.ServiceDefaults.Api;
using Marketplace.ServiceDefaults.Auth;
using Marketplace.ServiceDefaults.Data;
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

public sealed record ProfileQuery(string? Skill, bool? Employees, int? Page, int? PageSize);

/// <summary>
/// A talent's own profile (keep, consent, export, erase), and profiles as vendors and administrators
/// see them: employees of the vendor, and others only with their consent; every such read is audited.
/// </summary>
public static class ProfilesApi
{
    public static IEndpointRouteBuilder MapProfilesApi(this IEndpointRouteBuilder app)
    {
        var me = app.MapGroup("/api/talent/me/profile").WithTags("Profiles").WithGroupName(TalentModule.Name).RequireAuthorization(Roles.Talent);
        me.MapGet("", GetMineAsync).WithSummary("The caller's own profile");
        me.MapPut("", PutMineAsync).WithSummary("Create or replace the caller's own profile: skills with level and years, languages, availability, residency, consent, employer");
        me.MapPut("/consent", ConsentAsync).WithSummary("Give or withdraw consent to be matched: withdrawn, the profile leaves every vendor's matches at once");
        me.MapGet("/consent", ConsentHistoryAsync).WithSummary("Every change of the caller's consent to be matched, newest first, with its time (UTC and Hong Kong time)");
        me.MapGet("/export", ExportAsync).WithSummary("Everything this service holds about the caller, as JSON (profile, invitations, roles held, enrolments, who read the profile)");
        me.MapDelete("", EraseAsync).WithSummary("Erase the caller's profile and personal data; staffing and training history keep an anonymous placeholder");

        var profiles = app.MapGroup("/api/talent/profiles").WithTags("Profiles").WithGroupName(TalentModule.Name)
            .RequireAuthorization(p => p.RequireRole(Roles.Vendor, Roles.Admin));
        profiles.MapGet("", ListAsync).WithSummary("Profiles the caller may see: a vendor's employees, and talents who consented to be matched (skill=, employees=true); each read is audited");
        profiles.MapGet("/{id:guid}", GetAsync).WithSummary("One profile the caller may see; the read is audited");
        return app;
    }

    public static async Task<Results<Ok<ProfileResponse>, ProblemHttpResult>> GetMineAsync(ClaimsPrincipal user, TalentDbContext db, SkillTaxonomy taxonomy, CancellationToken ct)
    {
        var profile = user.TalentId() is { } id ? await db.Profiles.AsNoTracking().FirstOrDefaultAsync(p => p.Id == id, ct) : null;
        return profile is null ? ProblemResults.NotFound(TalentTexts.NoProfile) : TypedResults.Ok(ProfileResponse.From(profile, taxonomy));
    }

    public static async Task<Results<Ok<ProfileResponse>, ValidationProblem, ProblemHttpResult>> PutMineAsync(
        ProfileRequest request, ClaimsPrincipal user, TalentDbContext db, SkillTaxonomy taxonomy, TimeProvider time, CancellationToken ct)
    {
        var errors = request.Validate(taxonomy, out var content);
        if (!errors.IsValid)
        {
            return errors.ToProblem();
        }
        if (user.TalentId() is not { } id)
        {
            return ProblemResults.Forbidden(TalentTexts.NoUserId);
        }
        var now = time.GetUtcNow();
        var profile = await db.Profiles.FirstOrDefaultAsync(p => p.Id == id, ct);
        if (profile is null)
        {
            profile = new TalentProfile(id, now);
            db.Profiles.Add(profile);
        }
        if (profile.Apply(content!, now) is { } change)
        {
            db.ConsentChanges.Add(change);
        }
        db.AddEvent(profile.Changed(), now);
        await db.SaveChangesAsync(ct);
        return TypedResults.Ok(ProfileResponse.From(profile, taxonomy));
    }

    public static async Task<Results<Ok<ProfileResponse>, ValidationProblem, ProblemHttpResult>> ConsentAsync(
        ConsentRequest request, ClaimsPrincipal user, TalentDbContext db, SkillTaxonomy taxonomy, TimeProvider time, CancellationToken ct)
    {
        if (request.ConsentToMatch is not { } consent)
        {
            return new ValidationErrors().Required("consentToMatch", null).ToProblem();
        }
        var profile = user.TalentId() is { } id ? await db.Profiles.FirstOrDefaultAsync(p => p.Id == id, ct) : null;
        if (profile is null)
        {
            return ProblemResults.NotFound(TalentTexts.NoProfile);
        }
        var now = time.GetUtcNow();
        if (profile.SetConsent(consent, now) is { } change)
        {
            db.ConsentChanges.Add(change);
            db.AddEvent(profile.Changed(), now);
            await db.SaveChangesAsync(ct);
        }
        return TypedResults.Ok(ProfileResponse.From(profile, taxonomy));
    }

    public static async Task<Results<Ok<IReadOnlyList<ConsentChangeResponse>>, ProblemHttpResult>> ConsentHistoryAsync(ClaimsPrincipal user, TalentDbContext db, CancellationToken ct)
    {
        if (user.TalentId() is not { } id || !await db.Profiles.AnyAsync(p => p.Id == id, ct))
        {
            return ProblemResults.NotFound(TalentTexts.NoProfile);
        }
        return TypedResults.Ok(await ConsentChangeResponse.HistoryAsync(db, id, ct));
    }

    public static async Task<Results<Ok<ProfileExport>, ProblemHttpResult>> ExportAsync(
        ClaimsPrincipal user, TalentDbContext db, SkillTaxonomy taxonomy, TimeProvider time, CancellationToken ct)
    {
        var profile = user.TalentId() is { } id ? await db.Profiles.AsNoTracking().FirstOrDefaultAsync(p => p.Id == id, ct) : null;
        if (profile is null)
        {
            return ProblemResults.NotFound(TalentTexts.NoProfile);
        }
        return TypedResults.Ok(await ProfileExport.CollectAsync(db, profile, taxonomy, time.GetUtcNow(), ct));
    }

    public static async Task<Results<NoContent, ProblemHttpResult>> EraseAsync(ClaimsPrincipal user, TalentDbContext db, TimeProvider time, CancellationToken ct)
    {
        var profile = user.TalentId() is { } id ? await db.Profiles.FirstOrDefaultAsync(p => p.Id == id, ct) : null;
        if (profile is null)
        {
            return ProblemResults.NotFound(TalentTexts.NoProfile);
        }
        await ProfileErasure.EraseAsync(db, profile, time.GetUtcNow(), ct);
        return TypedResults.NoContent();
    }

    public static async Task<Results<Ok<PagedResult<ProfileResponse>>, ValidationProblem>> ListAsync(
        [AsParameters] ProfileQuery query, ClaimsPrincipal user, TalentDbContext db, SkillTaxonomy taxonomy, TimeProvider time, CancellationToken ct)
    {
        var errors = new ValidationErrors();
        var (page, pageSize) = Paging.Check(errors, query.Page, query.PageSize);
        var skill = taxonomy.Map(query.Skill);
        errors.Must(string.IsNullOrWhiteSpace(query.Skill) || skill is not null, "skill", TalentTexts.UnknownSkill.Format("skill"));
        if (!errors.IsValid)
        {
            return errors.ToProblem();
        }
        var profiles = db.Profiles.AsNoTracking();
        if (!user.IsInRole(Roles.Admin))
        {
            var org = user.OrganisationId();
            profiles = query.Employees == true
                ? profiles.Where(p => p.EmployerOrganisationId == org)
                : profiles.Where(p => p.EmployerOrganisationId == org || p.ConsentToMatch);
        }
        else if (query.Employees == true)
        {
            profiles = profiles.Where(p => p.EmployerOrganisationId != null);
        }
        // Skills are a JSON column: filter the page's candidates in memory (profiles are few per query).
        var all = await profiles.OrderBy(p => p.DisplayName).ThenBy(p => p.Id).ToListAsync(ct);
        var matching = skill is null ? all : [.. all.Where(p => p.Skills.Any(s => taxonomy.Satisfies(s.SkillUri, skill)))];
        var items = matching.Skip((page - 1) * pageSize).Take(pageSize).ToList();
        await ProfileReads.AuditAsync(db, user, items, "list", time.GetUtcNow(), ct);
        return TypedResults.Ok(new PagedResult<ProfileResponse>([.. items.Select(p => ProfileResponse.From(p, taxonomy))], page, pageSize, matching.Count));
    }

    public static async Task<Results<Ok<ProfileResponse>, ProblemHttpResult>> GetAsync(
        Guid id, ClaimsPrincipal user, TalentDbContext db, SkillTaxonomy taxonomy, TimeProvider time, CancellationToken ct)
    {
        var profile = await db.Profiles.AsNoTracking().FirstOrDefaultAsync(p => p.Id == id, ct);
        if (profile is null || !ProfileReads.MaySee(user, profile))
        {
            return ProblemResults.NotFound(TalentTexts.ProfileNotFound);
        }
        await ProfileReads.AuditAsync(db, user, [profile], "view", time.GetUtcNow(), ct);
        return TypedResults.Ok(ProfileResponse.From(profile, taxonomy));
    }
}
