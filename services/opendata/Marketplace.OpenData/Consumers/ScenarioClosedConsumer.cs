using Marketplace.Contracts.Catalogue;
using Marketplace.OpenData.Data;
using Marketplace.OpenData.Ocds;
using Marketplace.ServiceDefaults.Messaging;
using MassTransit;
using Microsoft.Extensions.Logging;

namespace Marketplace.OpenData.Consumers;

/// <summary>The deadline closing is a tender update; a cancellation is the tender's cancellation.</summary>
public sealed class ScenarioClosedConsumer(OpenDataDbContext db, OpenDataOptions options, TimeProvider time, ILogger<ScenarioClosedConsumer> logger)
    : IdempotentConsumer<ScenarioClosed, OpenDataDbContext>(db, time, logger)
{
    protected override Task HandleAsync(ScenarioClosed m, ConsumeContext<ScenarioClosed> context) =>
        ReleaseLog.AppendAsync(Db, options, m.ScenarioId, ReleaseBuilder.Closed(m), Time.GetUtcNow(), context.CancellationToken);
}
