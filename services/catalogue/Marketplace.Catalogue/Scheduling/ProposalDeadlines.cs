using Marketplace.Catalogue.Data;
using Marketplace.Catalogue.Domain;
using Marketplace.ServiceDefaults.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
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
public sealed partial class ProposalDeadlineService(ProposalDeadlines deadlines, CatalogueOptions options, ILogger<ProposalDeadlineService> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(TimeSpan.FromSeconds(Math.Max(1, options.DeadlineCheckSeconds)));
        do
        {
            try
            {
                await deadlines.CloseDueAsync(stoppingToken);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                LogFailed(logger, ex);
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Closing scenarios at their deadline failed; retrying on the next round")]
    private static partial void LogFailed(ILogger logger, Exception exception);
}
