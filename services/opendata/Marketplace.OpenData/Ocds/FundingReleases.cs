using System.Text.Json;
using Marketplace.Contracts.Funding;
using Marketplace.OpenData.Data;
using Marketplace.OpenData.Domain;
using Microsoft.EntityFrameworkCore;

namespace Marketplace.OpenData.Ocds;

/// <summary>
/// Milestones and payments name only their funding application: they are published through its decision's link to
/// the project and scenario, or wait for that decision (events from one service may still overtake each other here).
/// </summary>
public static class FundingReleases
{
    public static async Task MilestoneAsync(OpenDataDbContext db, OpenDataOptions options, MilestoneAccepted m, DateTimeOffset now, CancellationToken ct)
    {
        if (await WaitingAsync(db, m.ApplicationId, ct) is not { } link)
        {
            Defer(db, m.ApplicationId, m, now);
        }
        else if (link is { ScenarioId: { } scenarioId, ProjectId: { } projectId })
        {
            await ReleaseLog.AppendAsync(db, options, scenarioId, ReleaseBuilder.MilestoneMet(m, projectId), now, ct);
        }
    }

    public static async Task PaymentAsync(OpenDataDbContext db, OpenDataOptions options, DisbursementReleased m, DateTimeOffset now, CancellationToken ct)
    {
        if (await WaitingAsync(db, m.ApplicationId, ct) is not { } link)
        {
            // Counted as paid at once (the statistics need no ocid); published when the decision links it.
            (await db.Applications.FindAsync([m.ApplicationId], ct))!.Paid(m.TotalPaidHkd);
            Defer(db, m.ApplicationId, m, now);
        }
        else
        {
            link.Paid(m.TotalPaidHkd);
            await PublishPaymentAsync(db, options, m, link, now, ct);
        }
    }

    private static async Task PublishPaymentAsync(OpenDataDbContext db, OpenDataOptions options, DisbursementReleased m, ApplicationLink link, DateTimeOffset now, CancellationToken ct)
    {
        if (link is { ScenarioId: { } scenarioId, ProjectId: { } projectId })
        {
            var funder = link.FundingBodyId is { } body ? await db.Organisations.FindAsync([body], ct) : null;
            var vendor = await db.Organisations.FindAsync([m.VendorOrganisationId], ct);
            await ReleaseLog.AppendAsync(db, options, scenarioId, ReleaseBuilder.Paid(m, projectId, link.FundingBodyId, funder, vendor), now, ct);
        }
    }

    /// <summary>Publishes what waited for this application's decision.</summary>
    public static async Task ReleasePendingAsync(OpenDataDbContext db, OpenDataOptions options, Guid applicationId, DateTimeOffset now, CancellationToken ct)
    {
        var pending = await db.PendingReleases.Where(p => p.ApplicationId == applicationId).ToListAsync(ct);
        foreach (var p in pending)
        {
            db.PendingReleases.Remove(p);
            switch (p.EventType)
            {
                case nameof(MilestoneAccepted):
                    await MilestoneAsync(db, options, JsonSerializer.Deserialize<MilestoneAccepted>(p.EventJson, ReleaseLog.Json)!, now, ct);
                    break;
                case nameof(DisbursementReleased):
                    await PaymentAsync(db, options, JsonSerializer.Deserialize<DisbursementReleased>(p.EventJson, ReleaseLog.Json)!, now, ct);
                    break;
                default:
                    throw new InvalidOperationException($"A pending {p.EventType} that open data does not know how to publish.");
            }
        }
    }

    /// <summary>The decided link, or null after marking the application as having an event that waits for its decision.</summary>
    private static async Task<ApplicationLink?> WaitingAsync(OpenDataDbContext db, Guid applicationId, CancellationToken ct)
    {
        var link = await db.Applications.FindAsync([applicationId], ct);
        if (link is { Decided: true })
        {
            return link;
        }
        if (link is null)
        {
            db.Applications.Add(ApplicationLink.Awaiting(applicationId));
        }
        else
        {
            link.Waited();
        }
        return null;
    }

    private static void Defer<T>(OpenDataDbContext db, Guid applicationId, T m, DateTimeOffset now) =>
        db.PendingReleases.Add(new PendingRelease(applicationId, typeof(T).Name, JsonSerializer.Serialize(m, ReleaseLog.Json), now));
}
