using System.Security.Claims;
using Marketplace.Catalogue.Data;
using Marketplace.Catalogue.Domain;
using Marketplace.Catalogue.Search;
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
/// <c>/api/catalogue/scenarios</c>. Public scenarios (published and later) are readable by anyone;
/// drafts only by their department's officers, submissions also by administrators. Each change
/// is a domain transition, audited, with its event in the outbox.
/// </summary>
public static class ScenariosApi
{
    public static readonly LocalizedText ScenarioNotFound = new("No scenario has this id.", "找不到此編號的情境。");
    public static readonly LocalizedText NotYourDepartment = new(
        "This scenario belongs to another department; only its own officers may change it.",
        "此情境屬於另一部門，只有該部門的人員可以更改。");
    public static readonly LocalizedText NoDepartmentInToken = new(
        "Your token does not name the department you act for (claim 'org').", "你的權杖沒有註明所代表的部門（「org」聲明）。");
    public static readonly LocalizedText BatchNotFound = new("No batch has this id.", "找不到此編號的批次。");

    public static RouteGroupBuilder MapScenariosApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/catalogue/scenarios").WithTags("Scenarios").WithGroupName(CatalogueModule.Name);

        group.MapGet("/", ListAsync).AllowAnonymous()
            .WithSummary("Search and list scenarios: full text (q, English or Chinese), filters, facets, sorting (public: published and later)");
        group.MapGet("/{id:guid}", GetAsync).AllowAnonymous()
            .WithSummary("Get one scenario");
        group.MapGet("/{id:guid}/amendments", AmendmentsAsync).AllowAnonymous()
            .WithSummary("The amendments of a public scenario: what changed, why, and the deadline before and after");
        group.MapPost("/", CreateAsync).RequireAuthorization(Roles.DepartmentOfficer)
            .WithSummary("Create a draft scenario for the caller's department");
        group.MapPut("/{id:guid}", EditAsync).RequireAuthorization(Roles.DepartmentOfficer)
            .WithSummary("Edit a draft scenario of the caller's department");
        group.MapPost("/{id:guid}/submit", SubmitAsync).RequireAuthorization(Roles.DepartmentOfficer)
            .WithSummary("Submit a draft for an open batch (the caller's department)");
        group.MapPost("/{id:guid}/approve", ApproveAsync).RequireAuthorization(Roles.Admin)
            .WithSummary("Approve a submitted scenario for its batch (administrators)");
        group.MapPost("/{id:guid}/return", ReturnAsync).RequireAuthorization(Roles.Admin)
            .WithSummary("Return a submitted scenario to its department as a draft, with a reason (administrators)");
        group.MapPost("/{id:guid}/amend", AmendAsync).RequireAuthorization(Roles.DepartmentOfficer)
            .WithSummary($"Amend a published scenario before its deadline (emits ScenarioAmended; extends a deadline less than {Marketplace.Contracts.Catalogue.AmendmentRule.MinimumDaysAfterAmendment} days away)");
        group.MapPost("/{id:guid}/cancel", CancelAsync).RequireAuthorization(p => p.RequireRole(Roles.DepartmentOfficer, Roles.Admin))
            .WithSummary("Cancel a scenario before its award, with a public reason (owning department or an administrator)");
        group.MapPost("/{id:guid}/unsuccessful", UnsuccessfulAsync).RequireAuthorization(Roles.DepartmentOfficer)
            .WithSummary("Declare that no proposal can be awarded, with a public reason (owning department)");
        group.MapPost("/{id:guid}/start-delivery", StartDeliveryAsync).RequireAuthorization(Roles.DepartmentOfficer)
            .WithSummary("Start delivery of an awarded scenario's project once its standstill period has ended (owning department; emits ScenarioDeliveryStarted)");
        group.MapGet("/{id:guid}/history", HistoryAsync).RequireAuthorization(p => p.RequireRole(Roles.DepartmentOfficer, Roles.Admin))
            .WithSummary("Audit trail of a scenario: who changed what, when (owning department or an administrator)");
        return group;
    }

    public static async Task<Results<Ok<ScenarioSearchResult>, ValidationProblem, ProblemHttpResult>> ListAsync(
        [AsParameters] ScenarioQuery query, ClaimsPrincipal user, CatalogueDbContext db, IScenarioSearch search, CancellationToken ct)
    {
        var (result, errors, forbidden) = await ScenarioListing.SearchAsync(query, user, db, search, ct);
        if (forbidden is not null)
        {
            return ProblemResults.Forbidden(forbidden);
        }
        return result is null ? errors.ToProblem() : TypedResults.Ok(result);
    }

    public static async Task<Results<Ok<ScenarioResponse>, ProblemHttpResult>> GetAsync(
        Guid id, ClaimsPrincipal user, CatalogueDbContext db, CancellationToken ct)
    {
        var scenario = await db.Scenarios.AsNoTracking().FirstOrDefaultAsync(s => s.Id == id, ct);
        // A draft or submission is not acknowledged to anyone who may not see it.
        if (scenario is null || !ScenarioListing.CanSee(user, scenario))
        {
            return ProblemResults.NotFound(ScenarioNotFound);
        }
        return TypedResults.Ok(await ToResponseAsync(db, scenario, ct));
    }

    public static async Task<Results<Ok<IReadOnlyList<AmendmentResponse>>, ProblemHttpResult>> AmendmentsAsync(
        Guid id, ClaimsPrincipal user, CatalogueDbContext db, CancellationToken ct)
    {
        var scenario = await db.Scenarios.AsNoTracking().FirstOrDefaultAsync(s => s.Id == id, ct);
        if (scenario is null || !ScenarioListing.CanSee(user, scenario))
        {
            return ProblemResults.NotFound(ScenarioNotFound);
        }
        var amendments = await db.ScenarioAmendments.AsNoTracking().Where(a => a.ScenarioId == id).OrderBy(a => a.Number).ToListAsync(ct);
        return TypedResults.Ok<IReadOnlyList<AmendmentResponse>>(amendments.Select(AmendmentResponse.From).ToList());
    }

    public static async Task<Results<Created<ScenarioResponse>, ValidationProblem, ProblemHttpResult>> CreateAsync(
        ScenarioRequest request, ClaimsPrincipal user, CatalogueDbContext db, TimeProvider time, CancellationToken ct)
    {
        if (user.OrganisationId() is not { } departmentId)
        {
            return ProblemResults.Forbidden(NoDepartmentInToken);
        }
        var (details, errors) = request.ToDetails();
        if (details is null)
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
        if (details is null)
        {
            return errors.ToProblem();
        }
        scenario!.Edit(details, time.GetUtcNow());
        await db.SaveChangesAsync(ct);
        return TypedResults.Ok(await ToResponseAsync(db, scenario, ct));
    }

    public static async Task<Results<Ok<ScenarioResponse>, ValidationProblem, ProblemHttpResult>> SubmitAsync(
        Guid id, SubmitRequest request, ClaimsPrincipal user, CatalogueDbContext db, TimeProvider time, CancellationToken ct)
    {
        var (scenario, denied) = await FindOwnAsync(id, user, db, ct);
        if (denied is not null)
        {
            return denied;
        }
        if (request.BatchId is not { } batchId)
        {
            return new ValidationErrors().Required("batchId", null).ToProblem();
        }
        var batch = await db.Batches.FirstOrDefaultAsync(b => b.Id == batchId, ct);
        if (batch is null)
        {
            return new ValidationErrors().Add("batchId", BatchNotFound).ToProblem();
        }
        scenario!.Submit(batch, time.GetUtcNow());
        await db.SaveChangesAsync(ct);
        return TypedResults.Ok(await ToResponseAsync(db, scenario, ct));
    }

    public static async Task<Results<Ok<ScenarioResponse>, ProblemHttpResult>> ApproveAsync(
        Guid id, CatalogueDbContext db, TimeProvider time, CancellationToken ct)
    {
        var scenario = await db.Scenarios.FirstOrDefaultAsync(s => s.Id == id && s.Status != ScenarioStatus.Draft, ct);
        if (scenario is null)
        {
            return ProblemResults.NotFound(ScenarioNotFound);
        }
        scenario.Approve(time.GetUtcNow());
        await db.SaveChangesAsync(ct);
        return TypedResults.Ok(await ToResponseAsync(db, scenario, ct));
    }

    public static async Task<Results<Ok<ScenarioResponse>, ValidationProblem, ProblemHttpResult>> ReturnAsync(
        Guid id, ReasonRequest request, CatalogueDbContext db, TimeProvider time, CancellationToken ct)
    {
        var errors = new ValidationErrors().Text("reason", request.Reason, 1000);
        if (!errors.IsValid)
        {
            return errors.ToProblem();
        }
        var scenario = await db.Scenarios.FirstOrDefaultAsync(s => s.Id == id && s.Status != ScenarioStatus.Draft, ct);
        if (scenario is null)
        {
            return ProblemResults.NotFound(ScenarioNotFound);
        }
        scenario.Return(request.Reason!.Trim(), time.GetUtcNow());
        await db.SaveChangesAsync(ct);
        return TypedResults.Ok(await ToResponseAsync(db, scenario, ct));
    }

    public static async Task<Results<Ok<ScenarioResponse>, ValidationProblem, ProblemHttpResult>> AmendAsync(
        Guid id, AmendRequest request, ClaimsPrincipal user, CatalogueDbContext db, TimeProvider time, CancellationToken ct)
    {
        var (scenario, denied) = await FindOwnAsync(id, user, db, ct);
        if (denied is not null)
        {
            return denied;
        }
        var (details, errors) = (request.Scenario ?? EmptyScenario).ToDetails("scenario.");
        errors.Text("summaryEn", request.SummaryEn, ScenarioDetails.TextMax).Text("summaryZh", request.SummaryZh, ScenarioDetails.TextMax);
        if (details is null || !errors.IsValid)
        {
            return errors.ToProblem();
        }
        var now = time.GetUtcNow();
        var (amendment, amended) = scenario!.Amend(details, request.SummaryEn!, request.SummaryZh!, user.UserId() ?? "", now);
        db.ScenarioAmendments.Add(amendment);
        db.AddEvent(amended, now);
        await db.SaveChangesAsync(ct);
        return TypedResults.Ok(await ToResponseAsync(db, scenario, ct));
    }

    public static async Task<Results<Ok<ScenarioResponse>, ValidationProblem, ProblemHttpResult>> CancelAsync(
        Guid id, ReasonRequest request, ClaimsPrincipal user, CatalogueDbContext db, TimeProvider time, CancellationToken ct)
    {
        var scenario = await db.Scenarios.FirstOrDefaultAsync(s => s.Id == id, ct);
        if (scenario is null || !ScenarioListing.CanSee(user, scenario))
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
        if (scenario.Cancel(request.Reason!.Trim(), now) is { } closed)
        {
            db.AddEvent(closed, now);
        }
        await db.SaveChangesAsync(ct);
        return TypedResults.Ok(await ToResponseAsync(db, scenario, ct));
    }

    public static async Task<Results<Ok<ScenarioResponse>, ValidationProblem, ProblemHttpResult>> UnsuccessfulAsync(
        Guid id, ReasonRequest request, ClaimsPrincipal user, CatalogueDbContext db, TimeProvider time, CancellationToken ct)
    {
        var (scenario, denied) = await FindOwnAsync(id, user, db, ct);
        if (denied is not null)
        {
            return denied;
        }
        var errors = new ValidationErrors().Text("reason", request.Reason, 1000);
        if (!errors.IsValid)
        {
            return errors.ToProblem();
        }
        scenario!.MarkUnsuccessful(request.Reason!.Trim(), time.GetUtcNow());
        await db.SaveChangesAsync(ct);
        return TypedResults.Ok(await ToResponseAsync(db, scenario, ct));
    }

    public static async Task<Results<Ok<ScenarioResponse>, ProblemHttpResult>> StartDeliveryAsync(
        Guid id, ClaimsPrincipal user, CatalogueDbContext db, TimeProvider time, CancellationToken ct)
    {
        var (scenario, denied) = await FindOwnAsync(id, user, db, ct);
        if (denied is not null)
        {
            return denied;
        }
        var now = time.GetUtcNow();
        db.AddEvent(scenario!.StartDelivery(now), now);
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

    private static readonly ScenarioRequest EmptyScenario = new(
        null, null, null, null, null, null, null, null, null, null, null, null, null, null, null, null, null, null, null, null, null);

    /// <summary>Loads a scenario the caller's department owns: 404 when unknown (or not theirs to see), 403 when foreign.</summary>
    internal static async Task<(Scenario? Scenario, ProblemHttpResult? Denied)> FindOwnAsync(Guid id, ClaimsPrincipal user, CatalogueDbContext db, CancellationToken ct)
    {
        var scenario = await db.Scenarios.FirstOrDefaultAsync(s => s.Id == id, ct);
        if (scenario is null || !ScenarioListing.CanSee(user, scenario))
        {
            return (null, ProblemResults.NotFound(ScenarioNotFound));
        }
        if (!user.ActsFor(Roles.DepartmentOfficer, scenario.DepartmentId))
        {
            return (null, ProblemResults.Forbidden(NotYourDepartment));
        }
        return (scenario, null);
    }

    internal static async Task<ScenarioResponse> ToResponseAsync(CatalogueDbContext db, Scenario scenario, CancellationToken ct) =>
        (await ScenarioListing.ToResponsesAsync(db, [(scenario, null)], ct))[0];
}
