using System.Security.Claims;
using Marketplace.Catalogue.Data;
using Marketplace.Catalogue.Domain;
using Marketplace.ServiceDefaults.Api;
using Marketplace.ServiceDefaults.Auth;
using Marketplace.ServiceDefaults.Data;
using Marketplace.ServiceDefaults.Errors;
using Marketplace.ServiceDefaults.Localization;
using Marketplace.ServiceDefaults.Validation;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;

namespace Marketplace.Catalogue.Api;

public sealed record DeploymentReferenceRequest(string? ClientEn, string? ClientZh, int? Year, [MultilineText] string? DescriptionEn, [MultilineText] string? DescriptionZh);

public sealed record SolutionRequest(
    string? NameEn, string? NameZh, [MultilineText] string? SummaryEn, [MultilineText] string? SummaryZh, [MultilineText] string? DescriptionEn, [MultilineText] string? DescriptionZh,
    IReadOnlyList<string>? Capabilities, IReadOnlyList<string>? Sectors, IReadOnlyList<DeploymentReferenceRequest>? DeploymentReferences);

public sealed record SolutionResponse(
    Guid Id, OrganisationSummary Vendor, string NameEn, string NameZh, string SummaryEn, string SummaryZh, string DescriptionEn, string DescriptionZh,
    IReadOnlyList<string> Capabilities, IReadOnlyList<string> Sectors, IReadOnlyList<DeploymentReference> DeploymentReferences,
    string Status, DateTimeOffset? PublishedAt, DateTimeOffset UpdatedAt, int Version);

public sealed record SolutionQuery(string? Q, string? Capability, string? Sector, Guid? VendorId, bool? Mine, int? Page, int? PageSize);

/// <summary>
/// <c>/api/catalogue/solutions</c>: the vendor showcase. Vendors keep their products and solutions
/// (drafts private); published ones are public and announced to matching (SolutionPublished).
/// </summary>
public static class SolutionsApi
{
    public static readonly LocalizedText NotFound = new("No solution has this id.", "找不到此編號的方案。");
    public static readonly LocalizedText NotYours = new("Only the vendor that owns this solution may change it.", "只有擁有此方案的供應商可以更改。");

    public static RouteGroupBuilder MapSolutionsApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/catalogue/solutions").WithTags("Solution showcase").WithGroupName(CatalogueModule.Name);
        group.MapGet("/", ListAsync).AllowAnonymous().WithSummary("Browse published solutions by capability, sector, vendor and text (mine=true: a vendor's drafts too)");
        group.MapGet("/{id:guid}", GetAsync).AllowAnonymous().WithSummary("One solution (drafts: its vendor only)");
        group.MapPost("/", CreateAsync).RequireAuthorization(Roles.Vendor).WithSummary("Create a draft solution for the caller's vendor organisation");
        group.MapPut("/{id:guid}", EditAsync).RequireAuthorization(Roles.Vendor).WithSummary("Edit one of the caller's solutions (a published one is announced again)");
        group.MapPost("/{id:guid}/publish", PublishAsync).RequireAuthorization(Roles.Vendor).WithSummary("Publish one of the caller's solutions (emits SolutionPublished)");
        group.MapPost("/{id:guid}/withdraw", WithdrawAsync).RequireAuthorization(Roles.Vendor).WithSummary("Withdraw one of the caller's solutions from the showcase");
        return group;
    }

    public static async Task<Results<Ok<PagedResult<SolutionResponse>>, ValidationProblem>> ListAsync(
        [AsParameters] SolutionQuery query, ClaimsPrincipal user, CatalogueDbContext db, CancellationToken ct)
    {
        var errors = new ValidationErrors();
        var (page, pageSize) = Paging.Check(errors, query.Page, query.PageSize);
        if (query.Capability is not null)
        {
            errors.OneOf("capability", query.Capability, Taxonomy.Capabilities.Keys.ToArray());
        }
        if (query.Sector is not null)
        {
            errors.OneOf("sector", query.Sector, Taxonomy.Sectors.Keys.ToArray());
        }
        if (!errors.IsValid)
        {
            return errors.ToProblem();
        }
        var solutions = db.Solutions.AsNoTracking();
        solutions = query.Mine == true && user.IsInRole(Roles.Vendor) && user.OrganisationId() is { } own
            ? solutions.Where(s => s.VendorOrganisationId == own)
            : solutions.Where(s => s.Status == SolutionStatus.Published);
        if (query.Capability is { } capability)
        {
            solutions = solutions.Where(s => s.Capabilities.Contains(capability));
        }
        if (query.Sector is { } sector)
        {
            solutions = solutions.Where(s => s.Sectors.Contains(sector));
        }
        if (query.VendorId is { } vendor)
        {
            solutions = solutions.Where(s => s.VendorOrganisationId == vendor);
        }
        if (!string.IsNullOrWhiteSpace(query.Q))
        {
            var q = query.Q.Trim().ToLowerInvariant();
#pragma warning disable CA1304, CA1311, CA1862 // ToLower() here is SQL lower(), not .NET culture rules
            solutions = solutions.Where(s => s.NameEn.ToLower().Contains(q) || s.NameZh.Contains(q) || s.SummaryEn.ToLower().Contains(q) || s.SummaryZh.Contains(q));
#pragma warning restore CA1304, CA1311, CA1862
        }
        var total = await solutions.CountAsync(ct);
        var items = await solutions.OrderByDescending(s => s.PublishedAt ?? s.UpdatedAt).ThenBy(s => s.Id).Skip((page - 1) * pageSize).Take(pageSize).ToListAsync(ct);
        return TypedResults.Ok(new PagedResult<SolutionResponse>(await ToResponsesAsync(db, items, ct), page, pageSize, total));
    }

    public static async Task<Results<Ok<SolutionResponse>, ProblemHttpResult>> GetAsync(Guid id, ClaimsPrincipal user, CatalogueDbContext db, CancellationToken ct)
    {
        var solution = await db.Solutions.AsNoTracking().FirstOrDefaultAsync(s => s.Id == id, ct);
        if (solution is null || (solution.Status != SolutionStatus.Published && !user.ActsFor(Roles.Vendor, solution.VendorOrganisationId)))
        {
            return ProblemResults.NotFound(NotFound);
        }
        return TypedResults.Ok((await ToResponsesAsync(db, [solution], ct))[0]);
    }

    public static async Task<Results<Created<SolutionResponse>, ValidationProblem, ProblemHttpResult>> CreateAsync(
        SolutionRequest request, ClaimsPrincipal user, CatalogueDbContext db, TimeProvider time, CancellationToken ct)
    {
        if (user.OrganisationId() is not { } vendor)
        {
            return ProblemResults.Forbidden(ScenariosApi.NoDepartmentInToken);
        }
        var (content, errors) = Check(request);
        if (content is null)
        {
            return errors.ToProblem();
        }
        var solution = Solution.Create(vendor, content, time.GetUtcNow());
        db.Solutions.Add(solution);
        await db.SaveChangesAsync(ct);
        return TypedResults.Created($"/api/catalogue/solutions/{solution.Id}", (await ToResponsesAsync(db, [solution], ct))[0]);
    }

    public static async Task<Results<Ok<SolutionResponse>, ValidationProblem, ProblemHttpResult>> EditAsync(
        Guid id, SolutionRequest request, ClaimsPrincipal user, CatalogueDbContext db, TimeProvider time, CancellationToken ct)
    {
        var (solution, denied) = await FindOwnAsync(id, user, db, ct);
        if (denied is not null)
        {
            return denied;
        }
        var (content, errors) = Check(request);
        if (content is null)
        {
            return errors.ToProblem();
        }
        var now = time.GetUtcNow();
        if (solution!.Edit(content, now) is { } announced)
        {
            db.AddEvent(announced, now);
        }
        await db.SaveChangesAsync(ct);
        return TypedResults.Ok((await ToResponsesAsync(db, [solution], ct))[0]);
    }

    public static async Task<Results<Ok<SolutionResponse>, ProblemHttpResult>> PublishAsync(Guid id, ClaimsPrincipal user, CatalogueDbContext db, TimeProvider time, CancellationToken ct)
    {
        var (solution, denied) = await FindOwnAsync(id, user, db, ct);
        if (denied is not null)
        {
            return denied;
        }
        var now = time.GetUtcNow();
        db.AddEvent(solution!.Publish(now), now);
        await db.SaveChangesAsync(ct);
        return TypedResults.Ok((await ToResponsesAsync(db, [solution], ct))[0]);
    }

    public static async Task<Results<Ok<SolutionResponse>, ProblemHttpResult>> WithdrawAsync(Guid id, ClaimsPrincipal user, CatalogueDbContext db, TimeProvider time, CancellationToken ct)
    {
        var (solution, denied) = await FindOwnAsync(id, user, db, ct);
        if (denied is not null)
        {
            return denied;
        }
        solution!.Withdraw(time.GetUtcNow());
        await db.SaveChangesAsync(ct);
        return TypedResults.Ok((await ToResponsesAsync(db, [solution], ct))[0]);
    }

    private static async Task<(Solution? Solution, ProblemHttpResult? Denied)> FindOwnAsync(Guid id, ClaimsPrincipal user, CatalogueDbContext db, CancellationToken ct)
    {
        var solution = await db.Solutions.FirstOrDefaultAsync(s => s.Id == id, ct);
        if (solution is null || (solution.Status != SolutionStatus.Published && !user.ActsFor(Roles.Vendor, solution.VendorOrganisationId)))
        {
            return (null, ProblemResults.NotFound(NotFound));
        }
        return user.ActsFor(Roles.Vendor, solution.VendorOrganisationId) ? (solution, null) : (null, ProblemResults.Forbidden(NotYours));
    }

    private static (SolutionContent? Content, ValidationErrors Errors) Check(SolutionRequest r)
    {
        var errors = new ValidationErrors()
            .Text("nameEn", r.NameEn, ScenarioDetails.TitleMax).Text("nameZh", r.NameZh, ScenarioDetails.TitleMax)
            .Text("summaryEn", r.SummaryEn, 500).Text("summaryZh", r.SummaryZh, 500)
            .Text("descriptionEn", r.DescriptionEn, ScenarioDetails.TextMax).Text("descriptionZh", r.DescriptionZh, ScenarioDetails.TextMax);
        foreach (var (field, value) in new[] { ("nameZh", r.NameZh), ("summaryZh", r.SummaryZh), ("descriptionZh", r.DescriptionZh) })
        {
            if (!string.IsNullOrWhiteSpace(value) && !value.Any(ScenarioDetails.IsCjk))
            {
                errors.Add(field, Messages.MustContainChinese.Format(field));
            }
        }
        var capabilities = r.Capabilities ?? [];
        var sectors = r.Sectors ?? [];
        errors.Must(capabilities.Count > 0, "capabilities", ScenarioDetails.AtLeastOne.Format("capabilities"));
        for (var i = 0; i < capabilities.Count; i++)
        {
            errors.OneOf($"capabilities[{i}]", capabilities[i], Taxonomy.Capabilities.Keys.ToArray());
        }
        for (var i = 0; i < sectors.Count; i++)
        {
            errors.OneOf($"sectors[{i}]", sectors[i], Taxonomy.Sectors.Keys.ToArray());
        }
        var references = r.DeploymentReferences ?? [];
        for (var i = 0; i < references.Count; i++)
        {
            errors.Text($"deploymentReferences[{i}].clientEn", references[i]?.ClientEn, ScenarioDetails.TitleMax)
                .Text($"deploymentReferences[{i}].clientZh", references[i]?.ClientZh, ScenarioDetails.TitleMax)
                .Between($"deploymentReferences[{i}].year", references[i]?.Year, 1990, 2100)
                .Text($"deploymentReferences[{i}].descriptionEn", references[i]?.DescriptionEn, ScenarioDetails.TextMax)
                .Text($"deploymentReferences[{i}].descriptionZh", references[i]?.DescriptionZh, ScenarioDetails.TextMax);
        }
        if (!errors.IsValid)
        {
            return (null, errors);
        }
        return (new SolutionContent(r.NameEn!, r.NameZh!, r.SummaryEn!, r.SummaryZh!, r.DescriptionEn!, r.DescriptionZh!, capabilities, sectors,
            references.Select(d => new DeploymentReference(d!.ClientEn!.Trim(), d.ClientZh!.Trim(), d.Year!.Value, d.DescriptionEn!.Trim(), d.DescriptionZh!.Trim())).ToList()), errors);
    }

    private static async Task<IReadOnlyList<SolutionResponse>> ToResponsesAsync(CatalogueDbContext db, IReadOnlyList<Solution> solutions, CancellationToken ct)
    {
        var names = await SuccessCasesApi.NamesAsync(db, solutions.Select(s => s.VendorOrganisationId), ct);
        return solutions.Select(s => new SolutionResponse(s.Id, SuccessCasesApi.Summary(s.VendorOrganisationId, names), s.NameEn, s.NameZh, s.SummaryEn, s.SummaryZh,
            s.DescriptionEn, s.DescriptionZh, s.Capabilities, s.Sectors, s.DeploymentReferences, s.Status.ToString(), s.PublishedAt, s.UpdatedAt, s.Version)).ToList();
    }
}
