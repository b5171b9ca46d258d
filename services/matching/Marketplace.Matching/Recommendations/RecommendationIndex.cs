using Marketplace.Matching.Data;
using Marketplace.ServiceDefaults.Text;
using Microsoft.EntityFrameworkCore;

namespace Marketplace.Matching.Recommendations;

/// <summary>
/// Vendor and open-scenario candidates held in memory, so a recommendation request scores in memory
/// without querying per vendor. The snapshot is rebuilt when the read models have changed: the inbox
/// (one row per consumed event) is the change stamp, so every instance notices every event.
/// </summary>
public sealed class RecommendationIndex : IDisposable
{
    private readonly SemaphoreSlim _gate = new(1, 1);
    private Snapshot _snapshot = new([], [], (-1, null));

    public sealed record Snapshot(IReadOnlyList<VendorCandidate> Vendors, IReadOnlyList<ScenarioCandidate> Scenarios, (int Count, DateTimeOffset? Last) Stamp);

    public async Task<Snapshot> CurrentAsync(MatchingDbContext db, CancellationToken ct)
    {
        var stamp = await StampAsync(db, ct);
        var current = _snapshot;
        if (current.Stamp == stamp)
        {
            return current;
        }
        await _gate.WaitAsync(ct);
        try
        {
            if (_snapshot.Stamp == stamp)
            {
                return _snapshot;
            }
            _snapshot = await BuildAsync(db, stamp, ct);
            return _snapshot;
        }
        finally
        {
            _gate.Release();
        }
    }

    public void Dispose() => _gate.Dispose();

    private static async Task<(int, DateTimeOffset?)> StampAsync(MatchingDbContext db, CancellationToken ct)
    {
        var count = await db.InboxMessages.CountAsync(ct);
        var last = count == 0 ? null : await db.InboxMessages.MaxAsync(m => (DateTimeOffset?)m.ProcessedAt, ct);
        return (count, last);
    }

    /// <summary>English function words say nothing about fit; they are left out of text similarity.</summary>
    private static readonly HashSet<string> s_stopWords = new(StringComparer.Ordinal)
    {
        "a", "an", "and", "are", "as", "at", "be", "been", "by", "can", "each", "for", "from", "has", "have", "in", "into", "is", "it", "its",
        "more", "of", "on", "or", "our", "over", "per", "so", "than", "that", "the", "their", "them", "these", "they", "this", "those", "to",
        "up", "was", "were", "what", "when", "where", "which", "while", "who", "will", "with", "within", "without", "second", "first",
    };

    private static HashSet<string> Meaningful(IEnumerable<string> tokens) =>
        tokens.Where(t => !s_stopWords.Contains(t) && (t.Length > 2 || t.Any(char.IsDigit) || t.Any(SearchTokens.IsCjk))).ToHashSet(StringComparer.Ordinal);

    internal static async Task<Snapshot> BuildAsync(MatchingDbContext db, (int, DateTimeOffset?) stamp, CancellationToken ct)
    {
        var vendors = await db.VendorProfiles.AsNoTracking().ToListAsync(ct);
        var solutions = (await db.VendorSolutions.AsNoTracking().ToListAsync(ct)).ToLookup(s => s.VendorId);
        var projects = (await db.VendorProjects.AsNoTracking().Where(p => p.CancelledAt == null).ToListAsync(ct)).ToLookup(p => p.VendorId);
        var cases = (await db.VendorSuccessCases.AsNoTracking().ToListAsync(ct)).ToLookup(c => c.VendorId);
        var vendorCandidates = vendors.Where(v => v.IsActive).Select(v => new VendorCandidate(
            v.Id, v.NameEn, v.NameZh, v.SizeClass,
            solutions[v.Id].SelectMany(s => s.Capabilities).ToHashSet(StringComparer.Ordinal),
            solutions[v.Id].SelectMany(s => s.Sectors).ToHashSet(StringComparer.Ordinal),
            Meaningful(solutions[v.Id].SelectMany(s => s.Tokens.Split(' ', StringSplitOptions.RemoveEmptyEntries))),
            projects[v.Id].Where(p => p.CompletedAt != null).GroupBy(p => p.Sector).ToDictionary(g => g.Key, g => g.Count(), StringComparer.Ordinal),
            projects[v.Id].Count(), projects[v.Id].Count(p => p.CompletedAt != null), cases[v.Id].Count())).ToList();

        var open = await db.OpenScenarios.AsNoTracking().Where(s => s.PublishedAt != null && s.ClosedAt == null).ToListAsync(ct);
        var scenarioCandidates = open.Select(s => new ScenarioCandidate(
            s.ScenarioId, s.DepartmentId, s.TitleEn, s.TitleZh, s.Sector, s.Capabilities,
            Meaningful(SearchTokens.Index(s.TitleEn, s.TitleZh, s.ProblemEn, s.ProblemZh).Split(' ', StringSplitOptions.RemoveEmptyEntries)),
            s.ProposalDeadline)).ToList();
        return new Snapshot(vendorCandidates, scenarioCandidates, stamp);
    }
}
