using Marketplace.Contracts.Matching;
using Marketplace.OpenData.Data;
using Marketplace.OpenData.Ocds;
using Marketplace.ServiceDefaults.Messaging;
using MassTransit;
using Microsoft.Extensions.Logging;

namespace Marketplace.OpenData.Consumers;

/// <summary>At opening the bid statistics (counts only) are published.</summary>
public sealed class ProposalsOpenedConsumer(OpenDataDbContext db, OpenDataOptions options, TimeProvider time, ILogger<ProposalsOpenedConsumer> logger)
    : IdempotentConsumer<ProposalsOpened, OpenDataDbContext>(db, time, logger)
{
    protected override Task HandleAsync(ProposalsOpened m, ConsumeContext<ProposalsOpened> context) =>
        ReleaseLog.AppendAsync(Db, options, m.ScenarioId, ReleaseBuilder.Opened(m), Time.GetUtcNow(), context.CancellationToken);
}
