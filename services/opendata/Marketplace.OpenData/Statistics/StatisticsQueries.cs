using Marketplace.Contracts.Identity;
using Marketplace.OpenData.Api;
using Marketplace.OpenData.Data;
using Marketplace.OpenData.Domain;
using Marketplace.ServiceDefaults.Statistics;
using Microsoft.EntityFrameworkCore;

namespace Marketplace.OpenData.Statistics;

/// <summary>
/// Counts the programme from open data's own tables. Scenario counts are GROUP BY queries; awards, grants and waits
/// (one small row per award or decision, hundreds a year) are read and summed here, because sums of money and date
/// arithmetic are not portable across SQLite (cents, binary instants), PostgreSQL and SQL Server.
/// </summary>
public static class StatisticsQueries
{
    /// <summary>The scenarios with the most proposals listed by name (the rest are in the totals).</summary>
    public const int TopScenarios = 15;

    /// <summary>What "startups and SMEs" means in the shares.</summary>
    public static readonly IReadOnlySet<string> SmallerSizes = new HashSet<string> { nameof(SizeClass.Startup), nameof(SizeClass.SME) };

    public const string UnknownSize = "Unknown";

    /// <summary>The figures of the scenarios <paramref name="filter"/> selects (by batch, department, year of publication), and of what followed them.</summary>
    public static async Task<ProgrammeStatistics> ComputeAsync(OpenDataDbContext db, ReleaseFilter filter, DateTimeOffset now, CancellationToken ct)
    {
        var scenarios = filter.Scenarios(db);
        var ids = scenarios.Select(s => s.ScenarioId);
        var projects = db.Projects.AsNoTracking();
        var applications = db.Applications.AsNoTracking().Where(a => a.Decided && a.ScenarioId != null);
        var cases = db.SuccessCases.AsNoTracking();
        if (filter.Any)
        {
            projects = projects.Where(p => ids.Contains(p.ScenarioId));
            applications = applications.Where(a => ids.Contains(a.ScenarioId!.Value));
            // A success case belongs to its department; by batch or year only through its scenario.
            cases = filter.BatchId is null && filter.Year is null
                ? cases.Where(c => c.DepartmentId == filter.DepartmentId)
                : cases.Where(c => c.ScenarioId != null && ids.Contains(c.ScenarioId.Value));
        }
        return new(
            now,
            await ScenariosAsync(db, scenarios, ct),
            await ProposalsAsync(scenarios, ct),
            await AwardsAsync(db, projects, ct),
            await TimingAsync(db, projects, applications, ct),
            await FundsAsync(applications, ct),
            await SuccessAsync(db, cases, ct));
    }

    private static async Task<ScenarioFigures> ScenariosAsync(OpenDataDbContext db, IQueryable<ScenarioIndex> scenarios, CancellationToken ct)
    {
        // Only published scenarios: an index made by an award that overtook its publication has no area yet.
        var published = scenarios.Where(s => s.PublishedAt != null);
        var byArea = await published.GroupBy(s => s.Area).Select(g => new CountRow(g.Key, g.Count())).ToListAsync(ct);
        var bySector = await published.GroupBy(s => s.Sector).Select(g => new CountRow(g.Key, g.Count())).ToListAsync(ct);
        var byStatus = await published.GroupBy(s => s.Status).Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(g => g.Key, g => g.Count, ct);
        var byBatch = await published.GroupBy(s => s.BatchId).Select(g => new { g.Key, Count = g.Count() }).ToListAsync(ct);
        var batchIds = byBatch.Where(b => b.Key != null).Select(b => b.Key!.Value).ToList();
        var names = await db.Batches.AsNoTracking().Where(b => batchIds.Contains(b.Id)).ToDictionaryAsync(b => b.Id, ct);
        return new ScenarioFigures(
            byArea.Sum(a => a.Count),
            [.. byArea.OrderByDescending(a => a.Count).ThenBy(a => a.Value, StringComparer.Ordinal)],
            [.. bySector.OrderByDescending(a => a.Count).ThenBy(a => a.Value, StringComparer.Ordinal)],
            [.. Enum.GetValues<PublicStatus>().Select(s => new CountRow(s.ToString(), byStatus.GetValueOrDefault(s)))],
            [.. byBatch.Select(b => b.Key is { } id && names.TryGetValue(id, out var n)
                    ? new BatchRow(id, n.Code, n.NameEn, n.NameZh, b.Count)
                    : new BatchRow(b.Key, "", "", "", b.Count))
                .OrderBy(b => b.BatchId is null).ThenBy(b => b.Code, StringComparer.Ordinal)]);
    }

    private static async Task<ProposalFigures> ProposalsAsync(IQueryable<ScenarioIndex> scenarios, CancellationToken ct)
    {
        var opened = scenarios.Where(s => s.Proposals != null);
        var counts = await opened.Select(s => s.Proposals!.Value).ToListAsync(ct);
        var top = await opened.OrderByDescending(s => s.Proposals).ThenBy(s => s.TitleEn).Take(TopScenarios)
            .Select(s => new ScenarioProposalsRow(s.ScenarioId, s.TitleEn, s.TitleZh, s.Proposals!.Value)).ToListAsync(ct);
        return new ProposalFigures(counts.Count, counts.Sum(), Percentile.Of(counts, Percentile.Median), Percentile.Of(counts, Percentile.Ninetieth), top);
    }

    private static async Task<AwardFigures> AwardsAsync(OpenDataDbContext db, IQueryable<ProjectLink> projects, CancellationToken ct)
    {
        var standing = await (
            from p in projects
            where p.AwardedAt != null && p.CancelledAt == null
            join o in db.Organisations.AsNoTracking() on p.VendorId equals o.Id into vendors
            from o in vendors.DefaultIfEmpty()
            // EF reads a missing vendor's size as null (the left join).
            select new { p.PriceHkd, Size = o!.SizeClass }).ToListAsync(ct);
        var awards = standing.Count;
        var value = standing.Sum(a => a.PriceHkd);
        var bySize = Enum.GetValues<SizeClass>().Select(s => s.ToString()).Append(UnknownSize)
            .Select(size =>
            {
                var won = standing.Where(a => (a.Size?.ToString() ?? UnknownSize) == size).ToList();
                var wonValue = won.Sum(a => a.PriceHkd);
                return new SizeRow(size, won.Count, wonValue, Share.Of(won.Count, awards), Share.Of(wonValue, value));
            }).ToList();
        var smaller = bySize.Where(s => SmallerSizes.Contains(s.SizeClass)).ToList();
        return new AwardFigures(awards, value, Share.Of(smaller.Sum(s => s.Awards), awards), Share.Of(smaller.Sum(s => s.ValueHkd), value), bySize);
    }

    private static async Task<IReadOnlyList<TimingRow>> TimingAsync(OpenDataDbContext db, IQueryable<ProjectLink> projects, IQueryable<ApplicationLink> applications,
        CancellationToken ct)
    {
        var toAward = await (
            from p in projects
            where p.AwardedAt != null && p.CancelledAt == null
            join s in db.Scenarios.AsNoTracking() on p.ScenarioId equals s.ScenarioId
            where s.PublishedAt != null
            select new { PublishedAt = s.PublishedAt!.Value, AwardedAt = p.AwardedAt!.Value }).ToListAsync(ct);
        var toDecision = await (
            from a in applications
            where a.DecidedAt != null
            join p in projects on a.ProjectId equals p.ProjectId
            where p.AwardedAt != null
            select new { AwardedAt = p.AwardedAt!.Value, DecidedAt = a.DecidedAt!.Value }).ToListAsync(ct);
        return
        [
            Row(TimingMeasures.PublicationToAward, toAward.Select(a => ElapsedDays.Between(a.PublishedAt, a.AwardedAt)).ToList()),
            Row(TimingMeasures.AwardToFundingDecision, toDecision.Select(a => ElapsedDays.Between(a.AwardedAt, a.DecidedAt)).ToList()),
        ];

        static TimingRow Row(string measure, IReadOnlyCollection<int> days) =>
            new(measure, days.Count, Percentile.Of(days, Percentile.Median), Percentile.Of(days, Percentile.Ninetieth));
    }

    private static async Task<IReadOnlyList<SchemeFundsRow>> FundsAsync(IQueryable<ApplicationLink> applications, CancellationToken ct)
    {
        // Applications outside any scenario procure nothing and are not published (docs/decisions/0021): not counted either.
        var decided = await applications
            .Select(a => new { a.SchemeCode, a.GrantHkd, a.PaidHkd }).ToListAsync(ct);
        return [.. decided.GroupBy(a => a.SchemeCode)
            .Select(g => new SchemeFundsRow(g.Key, g.Count(a => a.GrantHkd > 0), g.Sum(a => a.GrantHkd), g.Sum(a => a.PaidHkd)))
            .Where(r => r.FundedApplications > 0 || r.PaidHkd > 0)
            .OrderBy(r => r.SchemeCode, StringComparer.Ordinal)];
    }

    private static async Task<IReadOnlyList<SectorSuccessRow>> SuccessAsync(OpenDataDbContext db, IQueryable<SuccessCaseFact> successCases, CancellationToken ct)
    {
        var cases = await successCases.GroupBy(c => c.Sector).Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(g => g.Key, g => g.Count, ct);
        var caseIds = successCases.Select(c => c.Id);
        var interest = await db.ReplicationInterests.AsNoTracking().Where(i => caseIds.Contains(i.SuccessCaseId)).GroupBy(c => c.Sector).Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(g => g.Key, g => g.Count, ct);
        return [.. cases.Keys.Union(interest.Keys)
            .Select(s => new SectorSuccessRow(s, cases.GetValueOrDefault(s), interest.GetValueOrDefault(s)))
            .OrderByDescending(r => r.SuccessCases).ThenByDescending(r => r.ReplicationInterests).ThenBy(r => r.Sector, StringComparer.Ordinal)];
    }
}
