using Marketplace.Catalogue.Data;
using Marketplace.Catalogue.Domain;
using Marketplace.ServiceDefaults.Data;
using Marketplace.ServiceDefaults.Hosting;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Marketplace.Catalogue.Scheduling;

/// <summary>
/// Closes published scenarios whose deadline has passed. Durable by construction: the deadline is
/// data, so a service that was down at the deadline closes the scenario on start-up; each close is
/// its own transaction with its ScenarioClosed event in the outbox.
/// </summary>
public sealed partial class ProposalDeadlines(IServiceScopeFactory scopes, TimeProvider time, ILogger<ProposalDeadlines> logger)
{
    public async Task<int> CloseDueAsync(CancellationToken ct)
    {
        var now = time.GetUtcNow();
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<CatalogueDbContext>();
        var due = await db.Scenarios.Where(s => s.Status == ScenarioStatus.Published && s.ProposalDeadline <= now)
            .Select(s => s.Id).ToListAsync(ct);
        var closed = 0;
        foreach (var id in due)
        {
            db.ChangeTracker.Clear();
            var scenario = await db.Scenarios.FirstAsync(s => s.Id == id, ct);
            if (scenario.CloseProposals(now) is { } closedEvent)
            {
                db.AddEvent(closedEvent, now);
                try
                {
                    await db.SaveChangesAsync(ct);
                    closed++;
                }
                catch (DbUpdateConcurrencyException)
                {
                    // Another instance (or an amendment) got there first; the next round sees the new state.
                }
            }
        }
        if (closed > 0)
        {
            LogClosed(logger, closed);
        }
        return closed;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Closed {Count} scenario(s) for proposals at their deadline")]
    private static partial void LogClosed(ILogger logger, int count);
}

/// <summary>Runs <see cref="ProposalDeadlines"/> on start-up (after migrations) and then every Catalogue:DeadlineCheckSeconds.</summary>
public sealed class ProposalDeadlineService(ProposalDeadlines deadlines, CatalogueOptions options, ILogger<ProposalDeadlineService> logger)
    : PeriodicWorkService(TimeSpan.FromSeconds(Math.Max(1, options.DeadlineCheckSeconds)), logger)
{
    protected override string Work => "Closing scenarios at their deadline";

    protected override Task RunOnceAsync(CancellationToken ct) => deadlines.CloseDueAsync(ct);
}
