using Marketplace.Contracts.Funding;
using Marketplace.OpenData.Data;
using Marketplace.OpenData.Ocds;
using Marketplace.ServiceDefaults.Messaging;
using MassTransit;
using Microsoft.Extensions.Logging;

namespace Marketplace.OpenData.Consumers;

/// <summary>The project's completion closes its contract.</summary>
public sealed class ProjectCompletedConsumer(OpenDataDbContext db, OpenDataOptions options, TimeProvider time, ILogger<ProjectCompletedConsumer> logger)
    : IdempotentConsumer<ProjectCompleted, OpenDataDbContext>(db, time, logger)
{
    protected override Task HandleAsync(ProjectCompleted m, ConsumeContext<ProjectCompleted> context) =>
        ReleaseLog.AppendAsync(Db, options, m.ScenarioId, ReleaseBuilder.Completed(m), Time.GetUtcNow(), context.CancellationToken);
}
