using Marketplace.Contracts.Identity;
using Marketplace.Matching.Data;
using Marketplace.Matching.Domain;
using Marketplace.ServiceDefaults.Auth;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;

namespace Marketplace.Matching.Api;

public sealed record SizeCount(string SizeClass, int Awards);

public sealed record ScenarioProposalCount(Guid ScenarioId, string TitleEn, string TitleZh, int Proposals);

/// <summary>
/// Submitted proposals per scenario (the <see cref="StatisticsApi.TopScenarios"/> with the most, and the totals), and the
/// awards that stand (not cancelled) by the winning vendor's size class; <c>Unknown</c> when matching has not heard it.
/// </summary>
public sealed record MatchingStatisticsResponse(
    IReadOnlyList<ScenarioProposalCount> ProposalsPerScenario, int ScenariosWithProposals, int SubmittedProposals,
    IReadOnlyList<SizeCount> AwardsBySize, int Awards);

/// <summary><c>/api/matching/statistics</c>: the administrators' figures about proposals and awards (docs/decisions/0019).</summary>
public static class StatisticsApi
{
    public const int TopScenarios = 15;

    public const string UnknownSize = "Unknown";

    public static RouteGroupBuilder MapStatisticsApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/matching/statistics").WithTags("Statistics").WithGroupName(MatchingModule.Name);
        group.MapGet("/", GetAsync).RequireAuthorization(Roles.Admin)
            .WithSummary("Submitted proposals per scenario and awards by the vendor's size class (administrators)");
        return group;
    }

    public static async Task<Ok<MatchingStatisticsResponse>> GetAsync(MatchingDbContext db, CancellationToken ct)
    {
        // Counts only: no proposal's content is read. Withdrawn and draft proposals do not count.
        var submitted = db.Proposals.AsNoTracking().Where(p => p.Status == ProposalStatus.Submitted);
        var perScenario = await submitted.GroupBy(p => p.ScenarioId).Select(g => new { ScenarioId = g.Key, Count = g.Count() })
            .OrderByDescending(g => g.Count).ThenBy(g => g.ScenarioId).Take(TopScenarios).ToListAsync(ct);
        var ids = perScenario.Select(p => p.ScenarioId).ToList();
        var titles = await db.OpenScenarios.AsNoTracking().Where(s => ids.Contains(s.ScenarioId))
            .Select(s => new { s.ScenarioId, s.TitleEn, s.TitleZh }).ToDictionaryAsync(s => s.ScenarioId, ct);
        var scenarioCount = await submitted.Select(p => p.ScenarioId).Distinct().CountAsync(ct);
        var proposalCount = await submitted.CountAsync(ct);

        var bySize = await (
                from project in db.VendorProjects.AsNoTracking().Where(p => p.CancelledAt == null)
                join vendor in db.VendorProfiles.AsNoTracking() on project.VendorId equals vendor.Id into vendors
                from vendor in vendors.DefaultIfEmpty()
                group project by vendor == null ? null : vendor.SizeClass into g
                select new { SizeClass = g.Key, Count = g.Count() })
            .ToListAsync(ct);
        var sizes = Enum.GetValues<SizeClass>().Select(s => new SizeCount(s.ToString(), bySize.Where(g => g.SizeClass == s).Sum(g => g.Count))).ToList();
        if (bySize.Where(g => g.SizeClass is null).Sum(g => g.Count) is > 0 and var unknown)
        {
            sizes.Add(new SizeCount(UnknownSize, unknown));
        }

        return TypedResults.Ok(new MatchingStatisticsResponse(
            perScenario.Select(p => titles.TryGetValue(p.ScenarioId, out var t)
                ? new ScenarioProposalCount(p.ScenarioId, t.TitleEn, t.TitleZh, p.Count)
                : new ScenarioProposalCount(p.ScenarioId, "", "", p.Count)).ToList(),
            scenarioCount, proposalCount, sizes, sizes.Sum(s => s.Awards)));
    }
}
