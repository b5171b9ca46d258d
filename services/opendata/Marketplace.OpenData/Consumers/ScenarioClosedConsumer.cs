using Marketplace.Contracts.Catalogue;
using Marketplace.OpenData.Data;
using Marketplace.OpenData.Ocds;
using Marketplace.OpenData.Statistics;
using Marketplace.ServiceDefaults.Messaging;
using MassTransit;
using Microsoft.Extensions.Logging;

namespace Marketplace.OpenData.Consumers;

/// <summary>The deadline closing is a tender update; a cancellation is the tender's cancellation.</summary>
public sealed class ScenarioClosedConsumer(OpenDataDbContext db, OpenDataOptions options, TimeProvider time, ILogger<ScenarioClosedConsumer> logger)
    : IdempotentConsumer<ScenarioClosed, OpenDataDbContext>(db, time, logger)
{
    protected override async Task HandleAsync(ScenarioClosed m, ConsumeContext<ScenarioClosed> context)
    {
        var ct = context.CancellationToken;
        var index = await ScenarioFacts.IndexAsync(Db, m.ScenarioId, m.DepartmentId, ct);
        index.Closed(m.Kind == ScenarioClosureKind.Cancelled, m.ClosedAt);
        await ReleaseLog.AppendAsync(Db, options, m.ScenarioId, ReleaseBuilder.Closed(m), Time.GetUtcNow(), ct);
    }
}
