using Marketplace.Matching.Data;
using Marketplace.ServiceDefaults.Api;
using Marketplace.ServiceDefaults.Auth;
using Marketplace.ServiceDefaults.Validation;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;

namespace Marketplace.Matching.Api;

/// <summary>
/// <c>/api/matching/open-scenarios</c>: the scenarios matching currently considers open, as it
/// learned them from catalogue events. Signed-in vendors, officers and administrators.
/// </summary>
public static class OpenScenariosApi
{
    public sealed record OpenScenarioResponse(
        Guid ScenarioId,
        Guid DepartmentId,
        string TitleEn,
        string TitleZh,
        string Area,
        string Sector,
        IReadOnlyList<string> Capabilities,
        decimal BudgetMinHkd,
        decimal BudgetMaxHkd,
        DateTimeOffset? ProposalDeadline,
        DateTimeOffset? PublishedAt);

    public static RouteGroupBuilder MapOpenScenariosApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/matching/open-scenarios").WithTags("Open scenarios").WithGroupName(MatchingModule.Name);
        group.MapGet("/", ListAsync)
            .RequireAuthorization(p => p.RequireRole(Roles.Vendor, Roles.DepartmentOfficer, Roles.Admin))
            .WithSummary("Scenarios open for proposals, soonest deadline first");
        return group;
    }

    public static async Task<Results<Ok<PagedResult<OpenScenarioResponse>>, ValidationProblem>> ListAsync(
        int? page, int? pageSize, MatchingDbContext db, CancellationToken ct)
    {
        var errors = new ValidationErrors();
        var (p, size) = Paging.Check(errors, page, pageSize);
        if (!errors.IsValid)
        {
            return errors.ToProblem();
        }
        var open = db.OpenScenarios.AsNoTracking().Where(s => s.PublishedAt != null && s.ClosedAt == null);
        var total = await open.CountAsync(ct);
        var items = await open.OrderBy(s => s.ProposalDeadline).ThenBy(s => s.ScenarioId)
            .Skip((p - 1) * size).Take(size)
            .Select(s => new OpenScenarioResponse(s.ScenarioId, s.DepartmentId, s.TitleEn, s.TitleZh, s.Area, s.Sector,
                s.Capabilities, s.BudgetMinHkd, s.BudgetMaxHkd, s.ProposalDeadline, s.PublishedAt))
            .ToListAsync(ct);
        return TypedResults.Ok(new PagedResult<OpenScenarioResponse>(items, p, size, total));
    }
}
