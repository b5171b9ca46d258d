using Marketplace.Catalogue.Data;
using Marketplace.Catalogue.Domain;
using Marketplace.ServiceDefaults.Auth;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;

namespace Marketplace.Catalogue.Api;

public sealed record AwardTimingResponse(int Awards, double? AverageDays, double? MedianDays, int? ShortestDays, int? LongestDays,
    IReadOnlyList<FacetCount> Buckets)
{
    public static AwardTimingResponse From(AwardTimingSummary s) =>
        new(s.Awards, s.AverageDays, s.MedianDays, s.ShortestDays, s.LongestDays, s.Bands.Select(b => new FacetCount(b.Code, b.Count)).ToList());
}

/// <summary>Every scenario (drafts included) counted by Smart City area and by status, every area and status listed; and the wait from publication to award.</summary>
public sealed record CatalogueStatisticsResponse(IReadOnlyList<FacetCount> ByArea, IReadOnlyList<FacetCount> ByStatus, AwardTimingResponse TimeToAward);

/// <summary><c>/api/catalogue/statistics</c>: the administrators' figures about scenarios (docs/decisions/0019).</summary>
public static class StatisticsApi
{
    public static RouteGroupBuilder MapStatisticsApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/catalogue/statistics").WithTags("Statistics").WithGroupName(CatalogueModule.Name);
        group.MapGet("/", GetAsync).RequireAuthorization(Roles.Admin)
            .WithSummary("Scenarios by Smart City area and by status, and the days from publication to award (administrators)");
        return group;
    }

    public static async Task<Ok<CatalogueStatisticsResponse>> GetAsync(CatalogueDbContext db, CancellationToken ct)
    {
        var scenarios = db.Scenarios.AsNoTracking();
        // Counted by the database (GROUP BY); every area and status is listed, with zero where there is none.
        var byArea = await scenarios.GroupBy(s => s.Area).Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(g => g.Key, g => g.Count, ct);
        var byStatus = await scenarios.GroupBy(s => s.Status).Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(g => g.Key, g => g.Count, ct);
        // Date arithmetic is not portable across the three providers (SQLite stores instants as binary numbers), so only
        // the two instants of each awarded scenario are read; one row per award, a small set beside the scenarios.
        var awards = await scenarios.Where(s => s.AwardedAt != null && s.PublishedAt != null)
            .Select(s => new { PublishedAt = s.PublishedAt!.Value, AwardedAt = s.AwardedAt!.Value }).ToListAsync(ct);
        var timing = AwardTiming.Summarise(awards.Select(a => AwardTiming.Days(a.PublishedAt, a.AwardedAt)).ToList());
        return TypedResults.Ok(new CatalogueStatisticsResponse(
            Enum.GetValues<SmartCityArea>().Select(a => new FacetCount(a.ToString(), byArea.GetValueOrDefault(a))).ToList(),
            Enum.GetValues<ScenarioStatus>().Select(s => new FacetCount(s.ToString(), byStatus.GetValueOrDefault(s))).ToList(),
            AwardTimingResponse.From(timing)));
    }
}
