using Marketplace.Contracts.Matching;
using Marketplace.OpenData.Data;
using Marketplace.OpenData.Domain;
using Marketplace.OpenData.Ocds;
using Marketplace.OpenData.Statistics;
using Marketplace.ServiceDefaults.Messaging;
using MassTransit;
using Microsoft.Extensions.Logging;

namespace Marketplace.OpenData.Consumers;

/// <summary>A cancelled award's release; an award that arrives later still compiles to cancelled (its date is earlier) and no longer counts.</summary>
public sealed class AwardCancelledConsumer(OpenDataDbContext db, OpenDataOptions options, TimeProvider time, ILogger<AwardCancelledConsumer> logger)
    : IdempotentConsumer<AwardCancelled, OpenDataDbContext>(db, time, logger)
{
    protected override async Task HandleAsync(AwardCancelled m, ConsumeContext<AwardCancelled> context)
    {
        var ct = context.CancellationToken;
        var project = await Db.Projects.FindAsync([m.ProjectId], ct);
        if (project is null)
        {
            project = ProjectLink.CancelledFirst(m.ProjectId, m.ScenarioId, m.CancelledAt);
            Db.Projects.Add(project);
        }
        project.Cancel(m.CancelledAt);
        if (await Db.Scenarios.FindAsync([m.ScenarioId], ct) is { } index)
        {
            await ScenarioFacts.RefreshAwardAsync(Db, index, ct);
        }
        await ReleaseLog.AppendAsync(Db, options, m.ScenarioId, ReleaseBuilder.AwardWithdrawn(m), Time.GetUtcNow(), ct);
    }
}
