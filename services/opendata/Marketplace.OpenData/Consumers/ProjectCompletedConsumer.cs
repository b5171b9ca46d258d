using Marketplace.Contracts.Funding;
using Marketplace.OpenData.Data;
using Marketplace.OpenData.Ocds;
using Marketplace.OpenData.Statistics;
using Marketplace.ServiceDefaults.Messaging;
using MassTransit;
using Microsoft.Extensions.Logging;

namespace Marketplace.OpenData.Consumers;

/// <summary>The project's completion closes its contract, and its scenario counts as completed.</summary>
public sealed class ProjectCompletedConsumer(OpenDataDbContext db, OpenDataOptions options, TimeProvider time, ILogger<ProjectCompletedConsumer> logger)
    : IdempotentConsumer<ProjectCompleted, OpenDataDbContext>(db, time, logger)
{
    protected override async Task HandleAsync(ProjectCompleted m, ConsumeContext<ProjectCompleted> context)
    {
        var ct = context.CancellationToken;
        // The event names no department: a completion that overtook everything else is filed under none until the publication.
        (await ScenarioFacts.IndexAsync(Db, m.ScenarioId, Guid.Empty, ct)).Completed(m.CompletedAt);
        await ReleaseLog.AppendAsync(Db, options, m.ScenarioId, ReleaseBuilder.Completed(m), Time.GetUtcNow(), ct);
    }
}
