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

/// <summary>
/// Subsidised training: programmes (kept by their training provider or an administrator), a vendor's
/// enrolment of an employee with the subsidy computed against the enterprise's cap for the financial
/// year, and completion, which adds the course's skills to the employee's profile.
/// </summary>
public static class TrainingApi
{
    public static IEndpointRouteBuilder MapTrainingApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/talent/training").WithTags("Training").WithGroupName(TalentModule.Name);
        group.MapGet("/programmes", ListAsync).AllowAnonymous().WithSummary("Training programmes: course, provider, skills taught, fee, hours, subsidy rule");
        group.MapGet("/programmes/{id:guid}", GetAsync).AllowAnonymous().WithSummary("One training programme");
        group.MapPost("/programmes", CreateAsync).RequireAuthorization(p => p.RequireRole(Roles.Admin, Roles.Talent))
            .WithSummary("Create a programme (administrators; members of a training provider, for their organisation)");
        group.MapPut("/programmes/{id:guid}", UpdateAsync).RequireAuthorization(p => p.RequireRole(Roles.Admin, Roles.Talent))
            .WithSummary("Change a programme (administrators; its training provider's members)");
        group.MapGet("/programmes/{id:guid}/subsidy", QuoteAsync).RequireAuthorization(Roles.Vendor)
            .WithSummary("The subsidy the calling vendor would receive for one enrolment now, and how it is reached");
        group.MapPost("/programmes/{id:guid}/enrolments", EnrolAsync).RequireAuthorization(Roles.Vendor)
            .WithSummary("Enrol an employee: the subsidy is fixed against what the enterprise used of the scheme's cap this financial year");
        group.MapGet("/enrolments", EnrolmentsAsync).RequireAuthorization(p => p.RequireRole(Roles.Vendor, Roles.Talent, Roles.Admin))
            .WithSummary("Enrolments: a vendor's, a talent's own, or all (administrators); financialYear= is the year it starts (2026 for 2026-27)");
        group.MapPost("/enrolments/{id:guid}/complete", CompleteAsync).RequireAuthorization(p => p.RequireRole(Roles.Vendor, Roles.Admin))
            .WithSummary("Record a completed course: its skills are added to the employee's profile");
        group.MapGet("/subsidy-usage", UsageAsync).RequireAuthorization(Roles.Vendor)
            .WithSummary("What the calling vendor has used of each scheme's cap in a financial year (default: the current one, Hong Kong time)");
        return app;
    }

    public static async Task<Results<Ok<PagedResult<ProgrammeResponse>>, ValidationProblem>> ListAsync(
        [AsParameters] PageQuery query, TalentDbContext db, SkillTaxonomy taxonomy, CancellationToken ct)
    {
        var errors = new ValidationErrors();
        var (page, pageSize) = Paging.Check(errors, query.Page, query.PageSize);
        if (!errors.IsValid)
        {
            return errors.ToProblem();
        }
        var total = await db.Programmes.CountAsync(ct);
        var items = await db.Programmes.AsNoTracking().OrderBy(p => p.TitleEn).ThenBy(p => p.Id).Skip((page - 1) * pageSize).Take(pageSize).ToListAsync(ct);
        return TypedResults.Ok(new PagedResult<ProgrammeResponse>([.. items.Select(p => ProgrammeResponse.From(p, taxonomy))], page, pageSize, total));
    }

    public static async Task<Results<Ok<ProgrammeResponse>, ProblemHttpResult>> GetAsync(Guid id, TalentDbContext db, SkillTaxonomy taxonomy, CancellationToken ct) =>
        await db.Programmes.AsNoTracking().FirstOrDefaultAsync(p => p.Id == id, ct) is { } programme
            ? TypedResults.Ok(ProgrammeResponse.From(programme, taxonomy))
            : ProblemResults.NotFound(TalentTexts.ProgrammeNotFound);

    public static async Task<Results<Created<ProgrammeResponse>, ValidationProblem, ProblemHttpResult>> CreateAsync(
        ProgrammeRequest request, ClaimsPrincipal user, TalentDbContext db, SkillTaxonomy taxonomy, TimeProvider time, CancellationToken ct)
    {
        var provider = user.TrainingProviderId();
        if (!user.IsInRole(Roles.Admin) && provider is null)
        {
            return ProblemResults.Forbidden(TalentTexts.NotAProvider);
        }
        var errors = request.Validate(taxonomy, out var content);
        if (!errors.IsValid)
        {
            return errors.ToProblem();
        }
        var programme = new TrainingProgramme(Guid.NewGuid(), user.IsInRole(Roles.Admin) ? null : provider, content!, time.GetUtcNow());
        db.Programmes.Add(programme);
        await db.SaveChangesAsync(ct);
        return TypedResults.Created($"/api/talent/training/programmes/{programme.Id}", ProgrammeResponse.From(programme, taxonomy));
    }

    public static async Task<Results<Ok<ProgrammeResponse>, ValidationProblem, ProblemHttpResult>> UpdateAsync(
        Guid id, ProgrammeRequest request, ClaimsPrincipal user, TalentDbContext db, SkillTaxonomy taxonomy, CancellationToken ct)
    {
        var provider = user.TrainingProviderId();
        if (!user.IsInRole(Roles.Admin) && provider is null)
        {
            return ProblemResults.Forbidden(TalentTexts.NotAProvider);
        }
        var programme = await db.Programmes.FirstOrDefaultAsync(p => p.Id == id, ct);
        if (programme is null)
        {
            return ProblemResults.NotFound(TalentTexts.ProgrammeNotFound);
        }
        if (!user.IsInRole(Roles.Admin) && programme.ProviderOrganisationId != provider)
        {
            return ProblemResults.Forbidden(TalentTexts.NotYourProgramme);
        }
        var errors = request.Validate(taxonomy, out var content);
        if (!errors.IsValid)
        {
            return errors.ToProblem();
        }
        programme.Apply(content!);
        await db.SaveChangesAsync(ct);
        return TypedResults.Ok(ProgrammeResponse.From(programme, taxonomy));
    }

    public static async Task<Results<Ok<SubsidyResponse>, ProblemHttpResult>> QuoteAsync(
        Guid id, ClaimsPrincipal user, TalentDbContext db, TimeProvider time, CancellationToken ct)
    {
        var programme = await db.Programmes.AsNoTracking().FirstOrDefaultAsync(p => p.Id == id, ct);
        if (programme is null || user.OrganisationId() is not { } vendor)
        {
            return ProblemResults.NotFound(TalentTexts.ProgrammeNotFound);
        }
        var subsidy = await SubsidyLedger.QuoteAsync(db, programme, vendor, time.GetUtcNow(), ct);
        return TypedResults.Ok(SubsidyResponse.From(subsidy, programme.FeeHkd));
    }

    public static async Task<Results<Created<EnrolmentResponse>, ValidationProblem, ProblemHttpResult>> EnrolAsync(
        Guid id, EnrolRequest request, ClaimsPrincipal user, TalentDbContext db, TimeProvider time, CancellationToken ct)
    {
        var programme = await db.Programmes.AsNoTracking().FirstOrDefaultAsync(p => p.Id == id, ct);
        if (programme is null || user.OrganisationId() is not { } vendor)
        {
            return ProblemResults.NotFound(TalentTexts.ProgrammeNotFound);
        }
        if (request.TalentId is not { } talentId)
        {
            return new ValidationErrors().Required("talentId", null).ToProblem();
        }
        if (!await db.Profiles.AnyAsync(p => p.Id == talentId && p.EmployerOrganisationId == vendor, ct))
        {
            return new ValidationErrors().Add("talentId", TalentTexts.NotAnEmployee).ToProblem();
        }
        var enrolment = await SubsidyLedger.EnrolAsync(db, programme, vendor, talentId, time.GetUtcNow(), ct);
        return TypedResults.Created($"/api/talent/training/enrolments/{enrolment.Id}", EnrolmentResponse.From(enrolment));
    }

    public static async Task<Results<Ok<PagedResult<EnrolmentResponse>>, ValidationProblem>> EnrolmentsAsync(
        [AsParameters] EnrolmentQuery query, ClaimsPrincipal user, TalentDbContext db, CancellationToken ct)
    {
        var errors = new ValidationErrors();
        var (page, pageSize) = Paging.Check(errors, query.Page, query.PageSize);
        if (query.FinancialYear is not null)
        {
            errors.Between("financialYear", query.FinancialYear, 2000, 2099);
        }
        if (!errors.IsValid)
        {
            return errors.ToProblem();
        }
        var enrolments = db.Enrolments.AsNoTracking();
        if (user.IsInRole(Roles.Vendor))
        {
            var org = user.OrganisationId();
            enrolments = enrolments.Where(e => e.VendorId == org);
        }
        else if (!user.IsInRole(Roles.Admin))
        {
            var me = user.TalentId();
            enrolments = enrolments.Where(e => e.TalentId == me);
        }
        if (query.FinancialYear is { } year)
        {
            enrolments = enrolments.Where(e => e.FinancialYear == year);
        }
        var total = await enrolments.CountAsync(ct);
        var items = await enrolments.OrderByDescending(e => e.EnrolledAt).ThenBy(e => e.Id).Skip((page - 1) * pageSize).Take(pageSize).ToListAsync(ct);
        return TypedResults.Ok(new PagedResult<EnrolmentResponse>([.. items.Select(EnrolmentResponse.From)], page, pageSize, total));
    }

    public static async Task<Results<Ok<EnrolmentResponse>, ProblemHttpResult>> CompleteAsync(
        Guid id, ClaimsPrincipal user, TalentDbContext db, TimeProvider time, CancellationToken ct)
    {
        var enrolment = await db.Enrolments.FirstOrDefaultAsync(e => e.Id == id, ct);
        if (enrolment is null || !(user.IsInRole(Roles.Admin) || user.ActsFor(Roles.Vendor, enrolment.VendorId)))
        {
            return ProblemResults.NotFound(TalentTexts.EnrolmentNotFound);
        }
        var now = time.GetUtcNow();
        if (enrolment.Complete(now))
        {
            var programme = await db.Programmes.AsNoTracking().FirstAsync(p => p.Id == enrolment.ProgrammeId, ct);
            // An erased employee has no profile any more: the completion is still recorded.
            if (await db.Profiles.FirstOrDefaultAsync(p => p.Id == enrolment.TalentId, ct) is { } profile && profile.Learn(programme.SkillUris, now))
            {
                db.AddEvent(profile.Changed(), now);
            }
            await db.SaveChangesAsync(ct);
        }
        return TypedResults.Ok(EnrolmentResponse.From(enrolment));
    }

    public static async Task<Results<Ok<IReadOnlyList<SubsidyUsageResponse>>, ValidationProblem>> UsageAsync(
        [AsParameters] UsageQuery query, ClaimsPrincipal user, TalentDbContext db, TimeProvider time, CancellationToken ct)
    {
        if (query.FinancialYear is not null)
        {
            var errors = new ValidationErrors().Between("financialYear", query.FinancialYear, 2000, 2099);
            if (!errors.IsValid)
            {
                return errors.ToProblem();
            }
        }
        var year = query.FinancialYear is { } start ? new FinancialYear(start) : FinancialYear.Of(time.GetUtcNow());
        var org = user.OrganisationId();
        var used = await db.Enrolments.AsNoTracking().Where(e => e.VendorId == org && e.FinancialYear == year.StartYear)
            .Select(e => new { e.SchemeCode, e.SubsidyHkd }).ToListAsync(ct);
        // Every scheme a programme offers, used or not, so a page can show what is left of each.
        var rules = (await db.Programmes.AsNoTracking().Select(p => p.Subsidy).ToListAsync(ct))
            .GroupBy(r => r.SchemeCode).Select(g => g.MaxBy(r => r.CapPerEnterprisePerYearHkd)!).OrderBy(r => r.SchemeCode).ToList();
        IReadOnlyList<SubsidyUsageResponse> usage = [.. rules.Select(r =>
        {
            var mine = used.Where(u => u.SchemeCode == r.SchemeCode).ToList();
            var sum = mine.Sum(u => u.SubsidyHkd);
            return new SubsidyUsageResponse(r.SchemeCode, year.Label, r.CapPerEnterprisePerYearHkd, sum, Math.Max(0, r.CapPerEnterprisePerYearHkd - sum), mine.Count);
        })];
        return TypedResults.Ok(usage);
    }
}
