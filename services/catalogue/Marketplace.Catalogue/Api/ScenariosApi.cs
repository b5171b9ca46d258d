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

/// <summary>
/// <c>/api/catalogue/scenarios</c>. Published and closed scenarios are public; drafts are seen and
/// changed only by officers of the department that owns them.
/// </summary>
public static class ScenariosApi
{
    public static readonly LocalizedText ScenarioNotFound = new("No scenario has this id.", "找不到此編號的情境。");
    public static readonly LocalizedText NotYourDepartment = new(
        "This scenario belongs to another department; only its own officers may change it.",
        "此情境屬於另一部門，只有該部門的人員可以更改。");
    public static readonly LocalizedText NoDepartmentInToken = new(
        "Your token does not name the department you act for (claim 'org').", "你的權杖沒有註明所代表的部門（「org」聲明）。");
    public static readonly LocalizedText DraftsAreInternal = new(
        "Only department officers can list drafts, and only their own department's.", "只有部門人員可以列出草稿，且只限其所屬部門。");

    public static RouteGroupBuilder MapScenariosApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/catalogue/scenarios").WithTags("Scenarios").WithGroupName(CatalogueModule.Name);

        group.MapGet("/", ListAsync).AllowAnonymous()
            .WithSummary("List scenarios (public: published and closed; officers: also their department's drafts)");
        group.MapGet("/{id:guid}", GetAsync).AllowAnonymous()
            .WithSummary("Get one scenario");
        group.MapPost("/", CreateAsync).RequireAuthorization(Roles.DepartmentOfficer)
            .WithSummary("Create a draft scenario for the caller's department");
        group.MapPut("/{id:guid}", EditAsync).RequireAuthorization(Roles.DepartmentOfficer)
            .WithSummary("Edit a draft scenario of the caller's department");
        group.MapPost("/{id:guid}/publish", PublishAsync).RequireAuthorization(Roles.DepartmentOfficer)
            .WithSummary("Publish a draft with its proposal deadline (emits ScenarioPublished)");
        group.MapGet("/{id:guid}/history", HistoryAsync).RequireAuthorization(p => p.RequireRole(Roles.DepartmentOfficer, Roles.Admin))
            .WithSummary("Audit trail of a scenario: who changed what, when (owning department or an administrator)");
        group.MapPost("/{id:guid}/close", CloseAsync).RequireAuthorization(p => p.RequireRole(Roles.DepartmentOfficer, Roles.Admin))
            .WithSummary("Close a published scenario (owning department or an administrator; emits ScenarioClosed)");
        return group;
    }

    public static async Task<Results<Ok<PagedResult<ScenarioResponse>>, ValidationProblem, ProblemHttpResult>> ListAsync(
        [AsParameters] ScenarioQuery query, ClaimsPrincipal user, CatalogueDbContext db, CancellationToken ct)
    {
        var errors = new ValidationErrors();
        var (page, pageSize) = Paging.Check(errors, query.Page, query.PageSize);
        var area = ParseEnum<SmartCityArea>(errors, "area", query.Area);
        var status = ParseEnum<ScenarioStatus>(errors, "status", query.Status);
        if (query.Sector is not null)
        {
            errors.OneOf("sector", query.Sector, Taxonomy.Sectors.Keys.ToArray());
        }
        if (query.Capability is not null)
        {
            errors.OneOf("capability", query.Capability, Taxonomy.Capabilities.Keys.ToArray());
        }
        if (!errors.IsValid)
        {
            return errors.ToProblem();
        }

        var scenarios = db.Scenarios.AsNoTracking();
        if (status == ScenarioStatus.Draft)
        {
            if (!user.IsInRole(Roles.DepartmentOfficer) || user.OrganisationId() is not { } ownDepartment)
            {
                return ProblemResults.Forbidden(DraftsAreInternal);
            }
            scenarios = scenarios.Where(s => s.Status == ScenarioStatus.Draft && s.DepartmentId == ownDepartment);
        }
        else
        {
            scenarios = status is { } wanted
                ? scenarios.Where(s => s.Status == wanted)
                : scenarios.Where(s => s.Status != ScenarioStatus.Draft);
        }
        if (area is { } a)
        {
            scenarios = scenarios.Where(s => s.Area == a);
        }
        if (query.Sector is { } sector)
        {
            scenarios = scenarios.Where(s => s.Sector == sector);
        }
        if (query.Capability is { } capability)
        {
            scenarios = scenarios.Where(s => s.Capabilities.Contains(capability));
        }
        if (query.DepartmentId is { } departmentId)
        {
            scenarios = scenarios.Where(s => s.DepartmentId == departmentId);
        }

        var total = await scenarios.CountAsync(ct);
        var items = await scenarios
            .OrderByDescending(s => s.PublishedAt ?? s.UpdatedAt)
            .ThenBy(s => s.Id)
            .Skip((page - 1) * pageSize)
            .Take(pageSize)
            .ToListAsync(ct);
        var departments = await DepartmentsAsync(db, items.Select(s => s.DepartmentId), ct);
        var responses = items.Select(s => ScenarioResponse.From(s, departments.GetValueOrDefault(s.DepartmentId))).ToList();
        return TypedResults.Ok(new PagedResult<ScenarioResponse>(responses, page, pageSize, total));
    }

    public static async Task<Results<Ok<ScenarioResponse>, ProblemHttpResult>> GetAsync(
        Guid id, ClaimsPrincipal user, CatalogueDbContext db, CancellationToken ct)
    {
        var scenario = await db.Scenarios.AsNoTracking().FirstOrDefaultAsync(s => s.Id == id, ct);
        // A draft is not acknowledged to anyone outside its department.
        if (scenario is null || (scenario.Status == ScenarioStatus.Draft && !user.ActsFor(Roles.DepartmentOfficer, scenario.DepartmentId)))
        {
            return ProblemResults.NotFound(ScenarioNotFound);
        }
        return TypedResults.Ok(await ToResponseAsync(db, scenario, ct));
    }

    public static async Task<Results<Created<ScenarioResponse>, ValidationProblem, ProblemHttpResult>> CreateAsync(
        ScenarioRequest request, ClaimsPrincipal user, CatalogueDbContext db, TimeProvider time, CancellationToken ct)
    {
        if (user.OrganisationId() is not { } departmentId)
        {
            return ProblemResults.Forbidden(NoDepartmentInToken);
        }
        var (details, errors) = request.ToDetails();
        if (details is null || !errors.IsValid)
        {
            return errors.ToProblem();
        }

        var scenario = Scenario.CreateDraft(departmentId, details, time.GetUtcNow());
        db.Scenarios.Add(scenario);
        await db.SaveChangesAsync(ct);
        return TypedResults.Created($"/api/catalogue/scenarios/{scenario.Id}", await ToResponseAsync(db, scenario, ct));
    }

    public static async Task<Results<Ok<ScenarioResponse>, ValidationProblem, ProblemHttpResult>> EditAsync(
        Guid id, ScenarioRequest request, ClaimsPrincipal user, CatalogueDbContext db, TimeProvider time, CancellationToken ct)
    {
        var (scenario, denied) = await FindOwnAsync(id, user, db, ct);
        if (denied is not null)
        {
            return denied;
        }
        var (details, errors) = request.ToDetails();
        if (details is null || !errors.IsValid)
        {
            return errors.ToProblem();
        }

        scenario!.Edit(details, time.GetUtcNow());
        await db.SaveChangesAsync(ct);
        return TypedResults.Ok(await ToResponseAsync(db, scenario, ct));
    }

    public static async Task<Results<Ok<ScenarioResponse>, ValidationProblem, ProblemHttpResult>> PublishAsync(
        Guid id, PublishRequest request, ClaimsPrincipal user, CatalogueDbContext db, TimeProvider time, CatalogueOptions options, CancellationToken ct)
    {
        var (scenario, denied) = await FindOwnAsync(id, user, db, ct);
        if (denied is not null)
        {
            return denied;
        }
        var now = time.GetUtcNow();
        var errors = new ValidationErrors();
        if (request.ProposalDeadline is not { } deadline)
        {
            errors.Required("proposalDeadline", null);
        }
        else if (ScenarioRules.CheckDeadline(deadline, now, options.MinimumProposalPeriod) is { } problem)
        {
            errors.Add("proposalDeadline", problem);
        }
        if (!errors.IsValid)
        {
            return errors.ToProblem();
        }

        var published = scenario!.Publish(request.ProposalDeadline!.Value.ToUniversalTime(), now, options.MinimumProposalPeriod);
        db.AddEvent(published, now);
        await db.SaveChangesAsync(ct);
        return TypedResults.Ok(await ToResponseAsync(db, scenario, ct));
    }

    public static async Task<Results<Ok<ScenarioResponse>, ValidationProblem, ProblemHttpResult>> CloseAsync(
        Guid id, CloseRequest request, ClaimsPrincipal user, CatalogueDbContext db, TimeProvider time, CancellationToken ct)
    {
        var scenario = await db.Scenarios.FirstOrDefaultAsync(s => s.Id == id, ct);
        if (scenario is null || (scenario.Status == ScenarioStatus.Draft && !user.ActsFor(Roles.DepartmentOfficer, scenario.DepartmentId)))
        {
            return ProblemResults.NotFound(ScenarioNotFound);
        }
        if (!user.IsInRole(Roles.Admin) && !user.ActsFor(Roles.DepartmentOfficer, scenario.DepartmentId))
        {
            return ProblemResults.Forbidden(NotYourDepartment);
        }
        var errors = new ValidationErrors().Text("reason", request.Reason, 1000);
        if (!errors.IsValid)
        {
            return errors.ToProblem();
        }

        var now = time.GetUtcNow();
        db.AddEvent(scenario.Close(request.Reason!.Trim(), now), now);
        await db.SaveChangesAsync(ct);
        return TypedResults.Ok(await ToResponseAsync(db, scenario, ct));
    }

    public static async Task<Results<Ok<PagedResult<AuditEntryResponse>>, ValidationProblem, ProblemHttpResult>> HistoryAsync(
        Guid id, int? page, int? pageSize, ClaimsPrincipal user, CatalogueDbContext db, CancellationToken ct)
    {
        var errors = new ValidationErrors();
        var (p, size) = Paging.Check(errors, page, pageSize);
        if (!errors.IsValid)
        {
            return errors.ToProblem();
        }
        var scenario = await db.Scenarios.AsNoTracking().FirstOrDefaultAsync(s => s.Id == id, ct);
        if (scenario is null)
        {
            return ProblemResults.NotFound(ScenarioNotFound);
        }
        if (!user.IsInRole(Roles.Admin) && !user.ActsFor(Roles.DepartmentOfficer, scenario.DepartmentId))
        {
            return ProblemResults.Forbidden(NotYourDepartment);
        }

        var key = id.ToString();
        var entries = db.AuditLog.AsNoTracking().Where(a => a.EntityType == nameof(Scenario) && a.EntityId == key);
        var total = await entries.CountAsync(ct);
        var items = await entries.OrderBy(a => a.Id).Skip((p - 1) * size).Take(size).ToListAsync(ct);
        return TypedResults.Ok(new PagedResult<AuditEntryResponse>(items.Select(AuditEntryResponse.From).ToList(), p, size, total));
    }

    /// <summary>Loads a scenario the caller's department owns: 404 when unknown (or a foreign draft is not theirs to see), 403 when foreign.</summary>
    private static async Task<(Scenario? Scenario, ProblemHttpResult? Denied)> FindOwnAsync(Guid id, ClaimsPrincipal user, CatalogueDbContext db, CancellationToken ct)
    {
        var scenario = await db.Scenarios.FirstOrDefaultAsync(s => s.Id == id, ct);
        if (scenario is null)
        {
            return (null, ProblemResults.NotFound(ScenarioNotFound));
        }
        if (!user.ActsFor(Roles.DepartmentOfficer, scenario.DepartmentId))
        {
            return (null, ProblemResults.Forbidden(NotYourDepartment));
        }
        return (scenario, null);
    }

    private static TEnum? ParseEnum<TEnum>(ValidationErrors errors, string field, string? value)
        where TEnum : struct, Enum
    {
        if (value is null)
        {
            return null;
        }
        if (Enum.TryParse<TEnum>(value, ignoreCase: true, out var parsed) && Enum.IsDefined(parsed) && !int.TryParse(value, out _))
        {
            return parsed;
        }
        errors.OneOf(field, value, Enum.GetNames<TEnum>());
        return null;
    }

    private static async Task<Dictionary<Guid, Department>> DepartmentsAsync(CatalogueDbContext db, IEnumerable<Guid> ids, CancellationToken ct)
    {
        var wanted = ids.Distinct().ToList();
        return await db.Departments.AsNoTracking().Where(d => wanted.Contains(d.Id)).ToDictionaryAsync(d => d.Id, ct);
    }

    private static async Task<ScenarioResponse> ToResponseAsync(CatalogueDbContext db, Scenario scenario, CancellationToken ct) =>
        ScenarioResponse.From(scenario, await db.Departments.AsNoTracking().FirstOrDefaultAsync(d => d.Id == scenario.DepartmentId, ct));
}
