using System.Security.Claims;
using Marketplace.Contracts.Identity;
using Marketplace.Identity.Data;
using Marketplace.Identity.Domain;
using Marketplace.Identity.Oidc;
using Marketplace.ServiceDefaults.Api;
using Marketplace.ServiceDefaults.Auth;
using Marketplace.ServiceDefaults.Data;
using Marketplace.ServiceDefaults.Errors;
using Marketplace.ServiceDefaults.Validation;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;

namespace Marketplace.Identity.Api;

public sealed record OrganisationQuery(string? Type, string? Status, string? Search, int? Page, int? PageSize);

/// <summary>
/// <c>/api/identity/organisations</c>: administrators create departments, chambers, funding bodies and
/// training providers, decide vendor registrations and suspend; an organisation's managers read and
/// edit their own organisation.
/// </summary>
public static class OrganisationsApi
{
    public static RouteGroupBuilder MapOrganisationsApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/identity/organisations").WithTags("Organisations").WithGroupName(IdentityModule.Name);
        group.MapGet("/", ListAsync).RequireAuthorization(Roles.Admin)
            .WithSummary("List organisations with filters type, status and search (administrators)");
        group.MapPost("/", CreateAsync).RequireAuthorization(Roles.Admin)
            .WithSummary("Create an approved organisation of any type (administrators; emits OrganisationRegistered)");
        group.MapGet("/{id:guid}", GetAsync).RequireAuthorization()
            .WithSummary("Get an organisation (its own members, or administrators)");
        group.MapPut("/{id:guid}", UpdateAsync).RequireAuthorization()
            .WithSummary("Change names or size class (the organisation's managers, or administrators; emits OrganisationChanged)");
        group.MapPost("/{id:guid}/approve", ApproveAsync).RequireAuthorization(Roles.Admin)
            .WithSummary("Approve a pending registration (administrators; emits OrganisationApproved)");
        group.MapPost("/{id:guid}/reject", RejectAsync).RequireAuthorization(Roles.Admin)
            .WithSummary("Reject a pending registration with a reason (administrators; emits OrganisationChanged)");
        group.MapPost("/{id:guid}/suspend", SuspendAsync).RequireAuthorization(Roles.Admin)
            .WithSummary("Suspend an organisation: its members and clients are signed out (administrators; emits OrganisationChanged)");
        group.MapPost("/{id:guid}/reinstate", ReinstateAsync).RequireAuthorization(Roles.Admin)
            .WithSummary("Reinstate a suspended organisation (administrators; emits OrganisationChanged)");
        return group;
    }

    public static async Task<Results<Ok<PagedResult<OrganisationResponse>>, ValidationProblem>> ListAsync(
        [AsParameters] OrganisationQuery query, IdentityServiceDbContext db, CancellationToken ct)
    {
        var errors = new ValidationErrors();
        var (page, pageSize) = Paging.Check(errors, query.Page, query.PageSize);
        var type = errors.ParseEnum<OrganisationType>("type", query.Type, required: false);
        var status = errors.ParseEnum<OrganisationStatus>("status", query.Status, required: false);
        if (!errors.IsValid)
        {
            return errors.ToProblem();
        }
        var organisations = db.Organisations.AsNoTracking();
        if (type is { } t)
        {
            organisations = organisations.Where(o => o.Type == t);
        }
        if (status is { } s)
        {
            organisations = organisations.Where(o => o.Status == s);
        }
        if (!string.IsNullOrWhiteSpace(query.Search))
        {
            var term = query.Search.Trim();
            organisations = organisations.Where(o => o.NameEn.Contains(term) || o.NameZh.Contains(term) || o.BusinessRegistrationNumber == term);
        }
        var total = await organisations.CountAsync(ct);
        var items = await organisations.OrderBy(o => o.Status).ThenBy(o => o.NameEn).ThenBy(o => o.Id)
            .Skip((page - 1) * pageSize).Take(pageSize).ToListAsync(ct);
        return TypedResults.Ok(new PagedResult<OrganisationResponse>(items.Select(OrganisationResponse.From).ToList(), page, pageSize, total));
    }

    public static async Task<Results<Created<OrganisationResponse>, ValidationProblem, ProblemHttpResult>> CreateAsync(
        OrganisationRequest request, IdentityServiceDbContext db, TimeProvider time, CancellationToken ct)
    {
        var errors = new ValidationErrors();
        var details = request.ToDetails(errors);
        if (details is null)
        {
            return errors.ToProblem();
        }
        if (details.BusinessRegistrationNumber is { } brn && await db.Organisations.AnyAsync(o => o.BusinessRegistrationNumber == brn, ct))
        {
            return ProblemResults.Conflict("brn-registered", IdentityTexts.BrnTaken);
        }
        var now = time.GetUtcNow();
        var (organisation, registered) = Organisation.Register(details, approved: true, now);
        db.Organisations.Add(organisation);
        db.AddEvent(registered, now);
        await db.SaveChangesAsync(ct);
        return TypedResults.Created($"/api/identity/organisations/{organisation.Id}", OrganisationResponse.From(organisation));
    }

    public static async Task<Results<Ok<OrganisationResponse>, ProblemHttpResult>> GetAsync(
        Guid id, ClaimsPrincipal user, IdentityServiceDbContext db, CancellationToken ct)
    {
        if (!user.IsInRole(Roles.Admin) && user.OrganisationId() != id)
        {
            return ProblemResults.Forbidden(IdentityTexts.NotYourOrganisation);
        }
        var organisation = await db.Organisations.AsNoTracking().FirstOrDefaultAsync(o => o.Id == id, ct);
        return organisation is null ? ProblemResults.NotFound(IdentityTexts.OrganisationNotFound) : TypedResults.Ok(OrganisationResponse.From(organisation));
    }

    public static async Task<Results<Ok<OrganisationResponse>, ValidationProblem, ProblemHttpResult>> UpdateAsync(
        Guid id, OrganisationRequest request, ClaimsPrincipal user, IdentityServiceDbContext db, Memberships memberships, TimeProvider time, CancellationToken ct)
    {
        if (!await memberships.CanManageAsync(user, id, ct))
        {
            return ProblemResults.Forbidden(IdentityTexts.NotYourOrganisation);
        }
        var organisation = await db.Organisations.FirstOrDefaultAsync(o => o.Id == id, ct);
        if (organisation is null)
        {
            return ProblemResults.NotFound(IdentityTexts.OrganisationNotFound);
        }
        var errors = new ValidationErrors();
        // The type is fixed; a request may repeat it, and a different one is refused by the entity.
        var details = request.ToDetails(errors, errors.ParseEnum<OrganisationType>("type", request.Type, required: false) ?? organisation.Type);
        if (details is null)
        {
            return errors.ToProblem();
        }
        if (details.BusinessRegistrationNumber is { } brn && brn != organisation.BusinessRegistrationNumber
            && await db.Organisations.AnyAsync(o => o.BusinessRegistrationNumber == brn, ct))
        {
            return ProblemResults.Conflict("brn-registered", IdentityTexts.BrnTaken);
        }
        var now = time.GetUtcNow();
        db.AddEvent(organisation.Change(details, now), now);
        await db.SaveChangesAsync(ct);
        return TypedResults.Ok(OrganisationResponse.From(organisation));
    }

    public static Task<Results<Ok<OrganisationResponse>, ValidationProblem, ProblemHttpResult>> ApproveAsync(
        Guid id, IdentityServiceDbContext db, TimeProvider time, CancellationToken ct) =>
        TransitionAsync(id, db, time, null, reasonRequired: false, (o, _, now) => o.Approve(now), signOutWith: null, ct);

    public static Task<Results<Ok<OrganisationResponse>, ValidationProblem, ProblemHttpResult>> RejectAsync(
        Guid id, ReasonRequest request, IdentityServiceDbContext db, TimeProvider time, CancellationToken ct) =>
        TransitionAsync(id, db, time, request.Reason, reasonRequired: true, (o, reason, now) => o.Reject(reason!, now), signOutWith: null, ct);

    public static Task<Results<Ok<OrganisationResponse>, ValidationProblem, ProblemHttpResult>> SuspendAsync(
        Guid id, ReasonRequest request, IdentityServiceDbContext db, TokenRevocations revocations, TimeProvider time, CancellationToken ct) =>
        TransitionAsync(id, db, time, request.Reason, reasonRequired: true, (o, reason, now) => o.Suspend(reason!, now), signOutWith: revocations, ct);

    public static Task<Results<Ok<OrganisationResponse>, ValidationProblem, ProblemHttpResult>> ReinstateAsync(
        Guid id, IdentityServiceDbContext db, TimeProvider time, CancellationToken ct) =>
        TransitionAsync(id, db, time, null, reasonRequired: false, (o, _, now) => o.Reinstate(now), signOutWith: null, ct);

    private static async Task<Results<Ok<OrganisationResponse>, ValidationProblem, ProblemHttpResult>> TransitionAsync(
        Guid id, IdentityServiceDbContext db, TimeProvider time, string? reason, bool reasonRequired,
        Func<Organisation, string?, DateTimeOffset, object> transition, TokenRevocations? signOutWith, CancellationToken ct)
    {
        if (reasonRequired && string.IsNullOrWhiteSpace(reason))
        {
            return new ValidationErrors().Add("reason", IdentityTexts.ReasonRequired).ToProblem();
        }
        if (reason is { Length: > 1000 })
        {
            return new ValidationErrors().Text("reason", reason, 1000).ToProblem();
        }
        var organisation = await db.Organisations.FirstOrDefaultAsync(o => o.Id == id, ct);
        if (organisation is null)
        {
            return ProblemResults.NotFound(IdentityTexts.OrganisationNotFound);
        }
        var now = time.GetUtcNow();
        db.AddEvent(transition(organisation, reason?.Trim(), now), now);
        if (signOutWith is not null)
        {
            // Suspension takes effect at once: members' sessions and the organisation's API clients stop working.
            foreach (var memberId in await db.Users.Where(u => u.OrganisationId == id).Select(u => u.Id).ToListAsync(ct))
            {
                await signOutWith.RevokeEverythingOfAsync(memberId.ToString(), ct);
            }
            foreach (var clientId in await db.ApiClients.Where(c => c.OrganisationId == id && c.RevokedAt == null).Select(c => c.ClientId).ToListAsync(ct))
            {
                await signOutWith.RevokeEverythingOfAsync(clientId, ct);
            }
        }
        await db.SaveChangesAsync(ct);
        return TypedResults.Ok(OrganisationResponse.From(organisation));
    }
}
