using Marketplace.Matching.Data;
using Marketplace.Matching.Domain;
using Marketplace.Matching.Recommendations;
using Marketplace.ServiceDefaults.Hosting;
using Marketplace.ServiceDefaults.Localization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Marketplace.Matching.Notifications;

/// <summary>
/// Tells vendors about open scenarios they fit strongly. Consumers only bump a scenario's or a
/// vendor's match revision; this pass scores what changed against one in-memory snapshot, so a burst
/// of publications costs one snapshot, not one per event. The revisions are data: a pass that
/// crashes, or a service that was down, leaves them pending for the next pass, and the per-vendor key
/// keeps a second pass from notifying twice.
/// </summary>
public sealed partial class StrongMatchNotifier(IServiceScopeFactory scopes, RecommendationIndex index, TimeProvider time, ILogger<StrongMatchNotifier> logger)
{
    private const int ChunkSize = 200;

    /// <summary>Runs one pass over at most a chunk of what changed; returns the notifications written and how many changes it looked at.</summary>
    public async Task<(int Written, int Looked)> NotifyAsync(CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<MatchingDbContext>();
        var scenarios = await db.OpenScenarios.AsNoTracking().Where(s => s.MatchRevision > s.MatchedRevision)
            .OrderBy(s => s.ScenarioId).Take(ChunkSize).Select(s => new { s.ScenarioId, s.MatchRevision }).ToListAsync(ct);
        var vendors = await db.VendorProfiles.AsNoTracking().Where(v => v.MatchRevision > v.MatchedRevision)
            .OrderBy(v => v.Id).Take(ChunkSize).Select(v => new { v.Id, v.MatchRevision }).ToListAsync(ct);
        var looked = scenarios.Count + vendors.Count;
        if (looked == 0)
        {
            return (0, 0);
        }

        // Read after the pending rows, so the snapshot holds at least the state those revisions describe.
        var snapshot = await index.CurrentAsync(db, ct);
        var now = time.GetUtcNow();
        var open = snapshot.Scenarios.Where(s => s.ProposalDeadline > now).ToDictionary(s => s.Id);
        var active = snapshot.Vendors.ToDictionary(v => v.Id);
        var strong = new List<Recommendation>();
        foreach (var s in scenarios)
        {
            if (open.TryGetValue(s.ScenarioId, out var scenario))
            {
                strong.AddRange(Recommender.StrongVendorsFor(scenario, snapshot.Vendors));
            }
        }
        foreach (var v in vendors)
        {
            if (active.TryGetValue(v.Id, out var vendor))
            {
                strong.AddRange(open.Values.Where(s => Recommender.Points(Recommender.Prepare(s), vendor) is { Relevant: true, Score: >= Recommender.StrongMatch })
                    .Select(s => Recommender.Score(s, vendor)));
            }
        }

        var written = await VendorInbox.AddAsync(db, strong.Select(r => Notice(r, open[r.ScenarioId], now)), ct);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            // Another instance wrote some of these keys first. Stop this round (so a repeated conflict
            // cannot spin); the next round skips what exists.
            return (0, 0);
        }
        foreach (var s in scenarios)
        {
            await db.OpenScenarios.Where(x => x.ScenarioId == s.ScenarioId && x.MatchedRevision < s.MatchRevision)
                .ExecuteUpdateAsync(x => x.SetProperty(p => p.MatchedRevision, s.MatchRevision), ct);
        }
        foreach (var v in vendors)
        {
            await db.VendorProfiles.Where(x => x.Id == v.Id && x.MatchedRevision < v.MatchRevision)
                .ExecuteUpdateAsync(x => x.SetProperty(p => p.MatchedRevision, v.MatchRevision), ct);
        }
        if (written > 0)
        {
            LogNotified(logger, written, scenarios.Count, vendors.Count);
        }
        return (written, looked);
    }

    /// <summary>Passes until nothing is pending (a burst may take several chunks).</summary>
    public async Task<int> NotifyAllAsync(CancellationToken ct)
    {
        var total = 0;
        while (await NotifyAsync(ct) is { Looked: > 0 } pass)
        {
            total += pass.Written;
        }
        return total;
    }

    private static VendorNotification Notice(Recommendation r, ScenarioCandidate scenario, DateTimeOffset now) =>
        VendorNotices.StrongMatch(r.VendorId, r.ScenarioId, new LocalizedText(scenario.TitleEn, scenario.TitleZh), r.Score,
            new LocalizedText(string.Join("; ", r.Reasons.Select(x => x.En)), string.Join("；", r.Reasons.Select(x => x.Zh))), scenario.ProposalDeadline, now);

    [LoggerMessage(Level = LogLevel.Information, Message = "Strong matches: {Count} vendor notifications for {Scenarios} scenarios and {Vendors} vendors that changed")]
    private static partial void LogNotified(ILogger logger, int count, int scenarios, int vendors);
}

/// <summary>Runs <see cref="StrongMatchNotifier"/> on start-up and every <c>Matching:MatchNotificationSeconds</c>.</summary>
public sealed class StrongMatchNotifierService(StrongMatchNotifier notifier, MatchingOptions options, ILogger<StrongMatchNotifierService> logger)
    : PeriodicWorkService(TimeSpan.FromSeconds(Math.Max(1, options.MatchNotificationSeconds)), logger)
{
    protected override string Work => "Notifying vendors of strong matches";

    protected override Task RunOnceAsync(CancellationToken ct) => notifier.NotifyAllAsync(ct);
}
