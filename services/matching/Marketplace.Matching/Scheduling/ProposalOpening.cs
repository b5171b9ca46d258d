using Marketplace.Matching.Data;
using Marketplace.Matching.Domain;
using Marketplace.ServiceDefaults.Data;
using Marketplace.ServiceDefaults.Hosting;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Marketplace.Matching.Scheduling;

/// <summary>
/// Opens the sealed proposals of every scenario whose deadline has passed. The deadline is data, so
/// a service that was stopped at the deadline opens them when it starts; each opening is one
/// transaction with its ProposalsOpened event.
/// </summary>
public sealed partial class ProposalOpening(IServiceScopeFactory scopes, TimeProvider time, ILogger<ProposalOpening> logger)
{
    public async Task<int> OpenDueAsync(CancellationToken ct)
    {
        var now = time.GetUtcNow();
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<MatchingDbContext>();
        var due = await db.OpenScenarios.Where(s => s.PublishedAt != null && s.ProposalsOpenedAt == null && !s.Cancelled && s.ProposalDeadline <= now)
            .Select(s => s.ScenarioId).ToListAsync(ct);
        var opened = 0;
        foreach (var id in due)
        {
            db.ChangeTracker.Clear();
            var scenario = await db.OpenScenarios.FirstAsync(s => s.ScenarioId == id, ct);
            var submitted = (await db.Proposals.Where(p => p.ScenarioId == id && p.Status == ProposalStatus.Submitted).ToListAsync(ct))
                .Where(p => p.Counts(scenario.AmendmentNumber)).ToList();
            var bidderIds = submitted.Select(p => p.VendorOrganisationId).Distinct().ToList();
            var sizes = await db.VendorProfiles.Where(v => bidderIds.Contains(v.Id)).ToDictionaryAsync(v => v.Id, v => v.SizeClass, ct);
            var (openedEvent, incidents) = scenario.OpenProposals(submitted, sizes, now);
            db.AddEvent(openedEvent, now);
            // Stored (and audited) with the opening, for the department and the administrators to see.
            db.IntegrityIncidents.AddRange(incidents);
            try
            {
                await db.SaveChangesAsync(ct);
                opened++;
                foreach (var incident in incidents)
                {
                    LogMismatch(logger, id, incident.ProposalId, incident.Id);
                }
            }
            catch (DbUpdateConcurrencyException)
            {
                // Another instance opened them first.
            }
        }
        return opened;
    }

    [LoggerMessage(Level = LogLevel.Critical, Message = "Proposal {ProposalId} of scenario {ScenarioId} no longer matches its receipt hash at opening: integrity incident {IncidentId}")]
    private static partial void LogMismatch(ILogger logger, Guid scenarioId, Guid proposalId, Guid incidentId);
}

/// <summary>Runs <see cref="ProposalOpening"/> on start-up and every Matching:ProposalOpeningSeconds (30 by default).</summary>
public sealed class ProposalOpeningService(ProposalOpening opening, MatchingOptions options, ILogger<ProposalOpeningService> logger)
    : PeriodicWorkService(TimeSpan.FromSeconds(Math.Max(1, options.ProposalOpeningSeconds)), logger)
{
    protected override string Work => "Opening proposals at their deadline";

    protected override Task RunOnceAsync(CancellationToken ct) => opening.OpenDueAsync(ct);
}
