using System.Security.Claims;
using Marketplace.Funding.Data;
using Marketplace.Funding.Domain;
using Marketplace.ServiceDefaults.Api;
using Marketplace.ServiceDefaults.Auth;
using Marketplace.ServiceDefaults.Errors;
using Marketplace.ServiceDefaults.Validation;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;

namespace Marketplace.Funding.Api;

public sealed record ApplicationQuery(ApplicationStatus? Status, Guid? SchemeId, int? Page, int? PageSize);

public sealed record CreateApplicationRequest(Guid? SchemeId, string? TitleEn, string? TitleZh, string? Sector, Guid? ProjectId);

public sealed record BudgetLineRequest(CostType? CostType, decimal? AmountHkd, string? Description);

public sealed record CompleteApplicationRequest(
    string? TitleEn, string? TitleZh, IReadOnlyList<BudgetLineRequest>? Budget, decimal? CompanyContributionHkd,
    bool? DeclaredNoOtherPublicFunding, bool? DeclaredInformationTrue);

/// <summary>
/// Funding applications: the vendor opens one inside a scheme's window (or it is opened from an
/// award), completes its budget and declarations and submits it; the engine's eligibility
/// explanation and recommended grant come with every read. Officers of the funding body see its queue.
/// </summary>
public static class ApplicationsApi
{
    public const int MaxBudgetLines = 50;

    public static IEndpointRouteBuilder MapApplicationsApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/funding/applications").WithTags("Applications").WithGroupName(FundingModule.Name);
        group.MapGet("", ListAsync).RequireAuthorization(p => p.RequireRole(Roles.Vendor, Roles.FundingOfficer))
            .WithSummary("The vendor's own applications, or the queue of the officer's funding body (without those withheld from the caller as an assessor)");
        group.MapPost("", CreateAsync).RequireAuthorization(Roles.Vendor)
            .WithSummary("Open an application under a scheme inside its window (optionally for a project awarded to the vendor)");
        group.MapGet("/{id:guid}", GetAsync).RequireAuthorization(p => p.RequireRole(Roles.Vendor, Roles.FundingOfficer, Roles.Assessor))
            .WithSummary("One application with its eligibility explanation and recommended grant (its vendor, the funding body's officers, assessors who declared no conflict)");
        group.MapPut("/{id:guid}", CompleteAsync).RequireAuthorization(Roles.Vendor)
            .WithSummary("Complete a draft: titles, budget by cost type, company contribution, declarations");
        group.MapPost("/{id:guid}/submit", SubmitAsync).RequireAuthorization(Roles.Vendor)
            .WithSummary("Submit a draft that passes every eligibility rule (409 not-eligible otherwise)");
        return app;
    }

    public static async Task<Results<Ok<PagedResult<ApplicationListItem>>, ValidationProblem>> ListAsync(
        [AsParameters] ApplicationQuery query, ClaimsPrincipal user, FundingDbContext db, TimeProvider time, CancellationToken ct)
    {
        var errors = new ValidationErrors();
        var (page, pageSize) = Paging.Check(errors, query.Page, query.PageSize);
        if (!errors.IsValid)
        {
            return errors.ToProblem();
        }
        var org = user.OrganisationId();
        var applications = db.Applications.AsNoTracking();
        if (user.IsInRole(Roles.FundingOfficer))
        {
            applications = applications.Where(a => a.FundingBodyId == org);
            // An officer who is also an assessor of an application does not see it before declaring.
            if (user.UserGuid() is { } me)
            {
                applications = applications.Where(FundingApplication.NotWithheldFrom(me));
            }
        }
        else
        {
            applications = applications.Where(a => a.VendorId == org);
        }
        if (query.Status is { } status)
        {
            applications = applications.Where(a => a.Status == status);
        }
        if (query.SchemeId is { } scheme)
        {
            applications = applications.Where(a => a.SchemeId == scheme);
        }
        var total = await applications.CountAsync(ct);
        var shown = await applications.OrderByDescending(a => a.CreatedAt).ThenBy(a => a.Id)
            .Skip((page - 1) * pageSize).Take(pageSize).ToListAsync(ct);
        var now = time.GetUtcNow();
        return TypedResults.Ok(new PagedResult<ApplicationListItem>([.. shown.Select(a => ApplicationListItem.From(a, now))], page, pageSize, total));
    }

    public static async Task<Results<Created<ApplicationResponse>, ValidationProblem, ProblemHttpResult>> CreateAsync(
        CreateApplicationRequest request, ClaimsPrincipal user, FundingDbContext db, TimeProvider time, CancellationToken ct)
    {
        if (user.OrganisationId() is not { } vendor)
        {
            return ProblemResults.Forbidden();
        }
        var errors = new ValidationErrors().Text("titleEn", request.TitleEn, 200).Text("titleZh", request.TitleZh, 200).Text("sector", request.Sector, 50);
        if (request.SchemeId is null)
        {
            errors.Required("schemeId", null);
        }
        var now = time.GetUtcNow();
        var scheme = request.SchemeId is { } schemeId ? await db.Schemes.AsNoTracking().FirstOrDefaultAsync(s => s.Id == schemeId, ct) : null;
        errors.Must(request.SchemeId is null || scheme is not null, "schemeId", FundingTexts.SchemeNotFound)
            .Must(scheme is null || scheme.IsOpenAt(now), "schemeId", FundingTexts.SchemeClosed);
        var project = request.ProjectId is { } projectId ? await db.AwardedProjects.AsNoTracking().FirstOrDefaultAsync(p => p.ProjectId == projectId, ct) : null;
        errors.Must(request.ProjectId is null || (project is { CancelledAt: null } && project.VendorId == vendor), "projectId", FundingTexts.NotYourProject);
        if (!errors.IsValid)
        {
            return errors.ToProblem();
        }
        var application = FundingApplication.Direct(Guid.NewGuid(), scheme!, vendor, request.TitleEn!.Trim(), request.TitleZh!.Trim(), request.Sector!.Trim(), project, now);
        db.Applications.Add(application);
        await db.SaveChangesAsync(ct);
        return TypedResults.Created($"/api/funding/applications/{application.Id}", await ResponseAsync(db, application, scheme!, Viewer.Vendor, now, ct));
    }

    public static async Task<Results<Ok<ApplicationResponse>, ProblemHttpResult>> GetAsync(Guid id, ClaimsPrincipal user, FundingDbContext db, TimeProvider time, CancellationToken ct)
    {
        var (application, scheme, viewer, denied) = await ApplicationAccess.LoadAsync(db, id, user, [Viewer.Vendor, Viewer.Officer, Viewer.Assessor], ct);
        if (denied is not null)
        {
            return denied;
        }
        return TypedResults.Ok(await ResponseAsync(db, application!, scheme!, viewer, time.GetUtcNow(), ct));
    }

    public static async Task<Results<Ok<ApplicationResponse>, ValidationProblem, ProblemHttpResult>> CompleteAsync(
        Guid id, CompleteApplicationRequest request, ClaimsPrincipal user, FundingDbContext db, TimeProvider time, CancellationToken ct)
    {
        var (application, scheme, viewer, denied) = await ApplicationAccess.LoadAsync(db, id, user, [Viewer.Vendor], ct);
        if (denied is not null)
        {
            return denied;
        }
        var errors = new ValidationErrors().Text("titleEn", request.TitleEn, 200).Text("titleZh", request.TitleZh, 200)
            .Between("companyContributionHkd", request.CompanyContributionHkd, 0, 1_000_000_000);
        var lines = request.Budget ?? [];
        if (lines.Count == 0)
        {
            errors.Required("budget", null);
        }
        errors.Must(lines.Count <= MaxBudgetLines, "budget", FundingTexts.TooMany.Format("budget", MaxBudgetLines));
        for (var i = 0; i < lines.Count && i < MaxBudgetLines; i++)
        {
            if (lines[i].CostType is null)
            {
                errors.Required($"budget[{i}].costType", null);
            }
            errors.Between($"budget[{i}].amountHkd", lines[i].AmountHkd, 1, 1_000_000_000).Text($"budget[{i}].description", lines[i].Description, 500);
        }
        if (request.DeclaredNoOtherPublicFunding is null)
        {
            errors.Required("declaredNoOtherPublicFunding", null);
        }
        if (request.DeclaredInformationTrue is null)
        {
            errors.Required("declaredInformationTrue", null);
        }
        if (!errors.IsValid)
        {
            return errors.ToProblem();
        }
        application!.Complete(request.TitleEn!.Trim(), request.TitleZh!.Trim(),
            lines.Select(l => new BudgetLine(l.CostType!.Value, l.AmountHkd!.Value, l.Description!.Trim())), request.CompanyContributionHkd!.Value,
            request.DeclaredNoOtherPublicFunding!.Value, request.DeclaredInformationTrue!.Value);
        await db.SaveChangesAsync(ct);
        return TypedResults.Ok(await ResponseAsync(db, application, scheme!, viewer, time.GetUtcNow(), ct));
    }

    public static async Task<Results<Ok<ApplicationResponse>, ProblemHttpResult>> SubmitAsync(Guid id, ClaimsPrincipal user, FundingDbContext db, TimeProvider time, CancellationToken ct)
    {
        var (application, scheme, viewer, denied) = await ApplicationAccess.LoadAsync(db, id, user, [Viewer.Vendor], ct);
        if (denied is not null)
        {
            return denied;
        }
        var now = time.GetUtcNow();
        application!.Submit(await ApplicationAccess.EvaluateAsync(db, application, scheme!, ct), now);
        await db.SaveChangesAsync(ct);
        return TypedResults.Ok(await ResponseAsync(db, application, scheme!, viewer, now, ct));
    }

    internal static async Task<ApplicationResponse> ResponseAsync(FundingDbContext db, FundingApplication application, Scheme scheme, Viewer viewer, DateTimeOffset now, CancellationToken ct)
    {
        var vendor = await db.Vendors.AsNoTracking().FirstOrDefaultAsync(v => v.Id == application.VendorId, ct);
        return ApplicationResponse.From(application, scheme, vendor, await ApplicationAccess.EvaluateAsync(db, application, scheme, ct), viewer, now);
    }
}
