using Marketplace.Contracts.Matching;
using Marketplace.OpenData.Data;
using Marketplace.OpenData.Ocds;
using Marketplace.ServiceDefaults.Messaging;
using MassTransit;
using Microsoft.Extensions.Logging;

namespace Marketplace.OpenData.Consumers;

/// <summary>A cancelled award's release; an award that arrives later still compiles to cancelled (its date is earlier).</summary>
public sealed class AwardCancelledConsumer(OpenDataDbContext db, OpenDataOptions options, TimeProvider time, ILogger<AwardCancelledConsumer> logger)
    : IdempotentConsumer<AwardCancelled, OpenDataDbContext>(db, time, logger)
{
    protected override Task HandleAsync(AwardCancelled m, ConsumeContext<AwardCancelled> context) =>
        ReleaseLog.AppendAsync(Db, options, m.ScenarioId, ReleaseBuilder.AwardWithdrawn(m), Time.GetUtcNow(), context.CancellationToken);
}
