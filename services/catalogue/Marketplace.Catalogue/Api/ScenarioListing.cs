using Marketplace.ServiceDefaults.Text;
using System.Security.Claims;
using Marketplace.Catalogue.Data;
using Marketplace.Catalogue.Domain;
using Marketplace.Catalogue.Search;
using Marketplace.ServiceDefaults.Api;
using Marketplace.ServiceDefaults.Auth;
using Marketplace.ServiceDefaults.Localization;
using Marketplace.ServiceDefaults.Validation;
using Microsoft.EntityFrameworkCore;

namespace Marketplace.Catalogue.Api;

/// <summary>
/// The scenario list: who sees which statuses, full-text search through the database's engine,
/// filters, facet counts over the whole result, sorting and paging, all in SQL.
/// </summary>
internal static class ScenarioListing
{
    public static readonly string[] Sorts = ["relevance", "deadline", "published", "budget"];

    public static readonly LocalizedText DraftsAreInternal = new(
        "Drafts are seen only by their own department's officers.", "草稿只供所屬部門的人員查閱。");
    public static readonly LocalizedText SubmittedAreInternal = new(
        "Submitted scenarios are seen only by their department's officers and administrators.", "已提交的情境只供所屬部門人員及管理員查閱。");
    public static readonly LocalizedText QueryTooLong = new("'q' may have at most {0} characters.", "「q」最多只可有 {0} 個字元。");

    public const int QueryMax = 200;

    /// <summary>Whether this caller may see this scenario at all (drafts: own department; submitted: also administrators).</summary>
    public static bool CanSee(ClaimsPrincipal user, Scenario scenario) => scenario.Status switch
    {
        ScenarioStatus.Draft => user.ActsFor(Roles.DepartmentOfficer, scenario.DepartmentId),
        ScenarioStatus.Submitted => user.ActsFor(Roles.DepartmentOfficer, scenario.DepartmentId) || user.IsInRole(Roles.Admin),
        _ => true,
    };

    public static async Task<(ScenarioSearchResult? Result, ValidationErrors Errors, LocalizedText? Forbidden)> SearchAsync(
        ScenarioQuery query, ClaimsPrincipal user, CatalogueDbContext db, IScenarioSearch search, CancellationToken ct)
    {
        var errors = new ValidationErrors();
        var (page, pageSize) = Paging.Check(errors, query.Page, query.PageSize);
        var area = errors.ParseEnum<SmartCityArea>("area", query.Area);
        var status = errors.ParseEnum<ScenarioStatus>("status", query.Status);
        if (query.Sector is not null)
        {
            errors.OneOf("sector", query.Sector, Taxonomy.Sectors.Keys.ToArray());
        }
        if (query.Capability is not null)
        {
            errors.OneOf("capability", query.Capability, Taxonomy.Capabilities.Keys.ToArray());
        }
        if (query.Sort is not null)
        {
            errors.OneOf("sort", query.Sort, Sorts);
        }
        errors.Must(query.Q is not { Length: > QueryMax }, "q", QueryTooLong.Format(QueryMax))
            .Must(query.BudgetMin is null or >= 0, "budgetMin", Messages.Between.Format("budgetMin", 0, ScenarioDetails.BudgetCeilingHkd))
            .Must(query.BudgetMax is null or >= 0, "budgetMax", Messages.Between.Format("budgetMax", 0, ScenarioDetails.BudgetCeilingHkd));
        if (!errors.IsValid)
        {
            return (null, errors, null);
        }

        var scenarios = db.Scenarios.AsNoTracking();
        switch (status)
        {
            case ScenarioStatus.Draft:
                if (!user.IsInRole(Roles.DepartmentOfficer) || user.OrganisationId() is not { } own)
                {
                    return (null, errors, DraftsAreInternal);
                }
                scenarios = scenarios.Where(s => s.Status == ScenarioStatus.Draft && s.DepartmentId == own);
                break;
            case ScenarioStatus.Submitted:
                if (user.IsInRole(Roles.Admin))
                {
                    scenarios = scenarios.Where(s => s.Status == ScenarioStatus.Submitted);
                }
                else if (user.IsInRole(Roles.DepartmentOfficer) && user.OrganisationId() is { } mine)
                {
                    scenarios = scenarios.Where(s => s.Status == ScenarioStatus.Submitted && s.DepartmentId == mine);
                }
                else
                {
                    return (null, errors, SubmittedAreInternal);
                }
                break;
            case { } wanted:
                scenarios = scenarios.Where(s => s.Status == wanted);
                break;
            default:
                scenarios = scenarios.Where(s => s.Status != ScenarioStatus.Draft && s.Status != ScenarioStatus.Submitted);
                break;
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
        if (query.BatchId is { } batchId)
        {
            scenarios = scenarios.Where(s => s.BatchId == batchId);
        }
        // Budget filters select scenarios whose range overlaps the wanted one.
        if (query.BudgetMin is { } budgetMin)
        {
            scenarios = scenarios.Where(s => s.BudgetMaxHkd >= budgetMin);
        }
        if (query.BudgetMax is { } budgetMax)
        {
            scenarios = scenarios.Where(s => s.BudgetMinHkd <= budgetMax);
        }
        if (query.DeadlineFrom is { } from)
        {
            scenarios = scenarios.Where(s => s.ProposalDeadline >= from.ToUniversalTime());
        }
        if (query.DeadlineTo is { } to)
        {
            scenarios = scenarios.Where(s => s.ProposalDeadline <= to.ToUniversalTime());
        }

        var tokens = SearchTokens.Query(query.Q);
        IQueryable<Ranked> ranked = tokens.Count == 0
            ? scenarios.Select(s => new Ranked { Scenario = s, Rank = 0 })
            : from s in scenarios
              join h in search.Hits(db, tokens) on s.Id equals h.ScenarioId
              select new Ranked { Scenario = s, Rank = h.Rank };

        // Counting and facets need only which scenarios match, not their rank. An uncorrelated IN lets
        // the engine run the full-text match once; a correlated EXISTS made SQLite rerun it per row.
        var matching = tokens.Count == 0 ? scenarios : scenarios.Where(s => search.Hits(db, tokens).Select(h => h.ScenarioId).Contains(s.Id));
        // One grouped scan gives the total and four facets; the capability facet is the only other pass.
        var groups = await matching.GroupBy(s => new { s.Area, s.Sector, s.Status, s.DepartmentId })
            .Select(g => new { g.Key.Area, g.Key.Sector, g.Key.Status, g.Key.DepartmentId, Count = g.Count() }).ToListAsync(ct);
        var total = groups.Sum(g => g.Count);
        var ordered = (query.Sort ?? (tokens.Count > 0 ? "relevance" : "published")) switch
        {
            "relevance" => ranked.OrderByDescending(r => r.Rank).ThenByDescending(r => r.Scenario.PublishedAt),
            "deadline" => ranked.OrderBy(r => r.Scenario.ProposalDeadline),
            "budget" => ranked.OrderByDescending(r => r.Scenario.BudgetMaxHkd),
            _ => ranked.OrderByDescending(r => r.Scenario.PublishedAt ?? r.Scenario.UpdatedAt),
        };
        var items = await ordered.ThenBy(r => r.Scenario.Id).Skip((page - 1) * pageSize).Take(pageSize).ToListAsync(ct);

        var facets = new ScenarioFacets(
            Facet(groups.Select(g => (g.Area.ToString(), g.Count))),
            Facet(groups.Select(g => (g.Sector, g.Count))),
            total == 0 ? [] : await CapabilityFacetAsync(db, matching, ct),
            Facet(groups.Select(g => (g.Status.ToString(), g.Count))),
            Facet(groups.Select(g => (g.DepartmentId.ToString(), g.Count))));

        var responses = await ToResponsesAsync(db, items.Select(i => (i.Scenario, tokens.Count > 0 ? (double?)i.Rank : null)).ToList(), ct);
        return (new ScenarioSearchResult(responses, page, pageSize, total, facets), errors, null);
    }

    public static async Task<IReadOnlyList<ScenarioResponse>> ToResponsesAsync(
        CatalogueDbContext db, IReadOnlyList<(Scenario Scenario, double? Rank)> items, CancellationToken ct)
    {
        var departmentIds = items.Select(i => i.Scenario.DepartmentId).Distinct().ToList();
        var batchIds = items.Select(i => i.Scenario.BatchId).OfType<Guid>().Distinct().ToList();
        var departments = await db.Departments.AsNoTracking().Where(d => departmentIds.Contains(d.Id)).ToDictionaryAsync(d => d.Id, ct);
        var batches = await db.Batches.AsNoTracking().Where(b => batchIds.Contains(b.Id)).ToDictionaryAsync(b => b.Id, ct);
        var vendorIds = items.Select(i => i.Scenario.AwardedVendorId).OfType<Guid>().Distinct().ToList();
        var vendors = await db.OrganisationNames.AsNoTracking().Where(o => vendorIds.Contains(o.Id)).ToDictionaryAsync(o => o.Id, ct);
        return items.Select(i => ScenarioResponse.From(i.Scenario, departments.GetValueOrDefault(i.Scenario.DepartmentId),
            i.Scenario.BatchId is { } b ? batches.GetValueOrDefault(b) : null,
            i.Scenario.AwardedVendorId is { } v ? vendors.GetValueOrDefault(v) : null, i.Rank)).ToList();
    }

    /// <summary>
    /// PostgreSQL unnests the capability arrays in one grouped query. SQLite cannot join json_each to a
    /// composed query (EF would need APPLY), so it reads the matching rows' capability lists in one pass
    /// and counts them here (a count per taxonomy code would scan the matches once per code).
    /// </summary>
    private static async Task<IReadOnlyList<FacetCount>> CapabilityFacetAsync(CatalogueDbContext db, IQueryable<Scenario> matching, CancellationToken ct)
    {
        if (!db.Database.IsSqlite())
        {
            var counts = await matching.SelectMany(s => s.Capabilities).GroupBy(c => c).Select(g => new { g.Key, Count = g.Count() }).ToListAsync(ct);
            return Facet(counts.Select(c => (c.Key, c.Count)));
        }
        var lists = await matching.Select(s => s.Capabilities).ToListAsync(ct);
        return Facet(lists.SelectMany(l => l.Distinct(StringComparer.Ordinal)).Select(c => (c, 1)));
    }

    private static List<FacetCount> Facet(IEnumerable<(string Value, int Count)> counts) =>
        counts.GroupBy(c => c.Value, StringComparer.Ordinal).Select(g => new FacetCount(g.Key, g.Sum(c => c.Count)))
            .OrderByDescending(f => f.Count).ThenBy(f => f.Value, StringComparer.Ordinal).ToList();

    internal static TEnum? ParseEnum<TEnum>(this ValidationErrors errors, string field, string? value)
        where TEnum : struct, Enum => errors.Enum<TEnum>(field, value);

    /// <summary>A scenario with its relevance, as one row of the search query.</summary>
    internal sealed class Ranked
    {
        public required Scenario Scenario { get; init; }

        public double Rank { get; init; }
    }
}
