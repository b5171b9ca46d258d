using System.Security.Claims;
using Marketplace.Matching.Data;
using Marketplace.Matching.Domain;
using Marketplace.ServiceDefaults.Api;
using Marketplace.ServiceDefaults.Auth;
using Marketplace.ServiceDefaults.Errors;
using Marketplace.ServiceDefaults.Validation;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;

namespace Marketplace.Matching.Api;

/// <summary>An integrity incident as its department and the administrators see it: which proposal, what was found, when; never sealed content.</summary>
public sealed record IntegrityIncidentResponse(
    Guid Id, string Kind, Guid ScenarioId, Guid DepartmentId, Guid ProposalId, Guid VendorOrganisationId, string ReceiptSha256, string OpenedSha256,
    DateTimeOffset DetectedAt, string DescriptionEn, string DescriptionZh)
{
    public static IntegrityIncidentResponse From(IntegrityIncident i) => new(
        i.Id, i.Kind.ToString(), i.ScenarioId, i.DepartmentId, i.ProposalId, i.VendorOrganisationId, i.ReceiptHash, i.OpenedHash, i.DetectedAt,
        i.Description.En, i.Description.Zh);
}

/// <summary>Flagged breaches of the sealed-bid promise (a proposal whose content did not match its receipt at opening).</summary>
public static class IntegrityIncidentsApi
{
    public static IEndpointRouteBuilder MapIntegrityIncidentsApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/matching").WithTags("Integrity incidents").WithGroupName(MatchingModule.Name);
        group.MapGet("/scenarios/{scenarioId:guid}/integrity-incidents", ForScenarioAsync).RequireAuthorization(p => p.RequireRole(Roles.DepartmentOfficer, Roles.Admin))
            .WithSummary("The scenario's integrity incidents (its department, administrators)");
        group.MapGet("/integrity-incidents", AllAsync).RequireAuthorization(Roles.Admin)
            .WithSummary("Every integrity incident, newest first (administrators)");
        return app;
    }

    public static async Task<Results<Ok<IReadOnlyList<IntegrityIncidentResponse>>, ProblemHttpResult>> ForScenarioAsync(
        Guid scenarioId, ClaimsPrincipal user, MatchingDbContext db, CancellationToken ct)
    {
        var scenario = await db.OpenScenarios.AsNoTracking().FirstOrDefaultAsync(s => s.ScenarioId == scenarioId, ct);
        if (scenario is null)
        {
            return ProblemResults.NotFound(ProposalsApi.ScenarioNotOpen);
        }
        if (!user.IsInRole(Roles.Admin) && !user.ActsFor(Roles.DepartmentOfficer, scenario.DepartmentId))
        {
            return ProblemResults.Forbidden(ProposalsApi.NotYourScenario);
        }
        var incidents = await db.IntegrityIncidents.AsNoTracking().Where(i => i.ScenarioId == scenarioId).ToListAsync(ct);
        return TypedResults.Ok<IReadOnlyList<IntegrityIncidentResponse>>(
            incidents.OrderByDescending(i => i.DetectedAt).ThenBy(i => i.Id).Select(IntegrityIncidentResponse.From).ToList());
    }

    public static async Task<Results<Ok<PagedResult<IntegrityIncidentResponse>>, ValidationProblem>> AllAsync(
        int? page, int? pageSize, MatchingDbContext db, CancellationToken ct)
    {
        var errors = new ValidationErrors();
        var (p, size) = Paging.Check(errors, page, pageSize);
        if (!errors.IsValid)
        {
            return errors.ToProblem();
        }
        var total = await db.IntegrityIncidents.CountAsync(ct);
        var items = await db.IntegrityIncidents.AsNoTracking().OrderByDescending(i => i.DetectedAt).ThenBy(i => i.Id).Skip((p - 1) * size).Take(size).ToListAsync(ct);
        return TypedResults.Ok(new PagedResult<IntegrityIncidentResponse>(items.Select(IntegrityIncidentResponse.From).ToList(), p, size, total));
    }
}
