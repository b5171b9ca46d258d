using Marketplace.Contracts.Matching;
using Marketplace.OpenData.Data;
using Marketplace.OpenData.Ocds;
using Marketplace.OpenData.Statistics;
using Marketplace.ServiceDefaults.Messaging;
using MassTransit;
using Microsoft.Extensions.Logging;

namespace Marketplace.OpenData.Consumers;

/// <summary>At opening the bid statistics (counts only) are published, and the scenario's proposals may be counted.</summary>
public sealed class ProposalsOpenedConsumer(OpenDataDbContext db, OpenDataOptions options, TimeProvider time, ILogger<ProposalsOpenedConsumer> logger)
    : IdempotentConsumer<ProposalsOpened, OpenDataDbContext>(db, time, logger)
{
    protected override async Task HandleAsync(ProposalsOpened m, ConsumeContext<ProposalsOpened> context)
    {
        var ct = context.CancellationToken;
        (await ScenarioFacts.IndexAsync(Db, m.ScenarioId, m.DepartmentId, ct)).Opened(m.ProposalCount);
        await ReleaseLog.AppendAsync(Db, options, m.ScenarioId, ReleaseBuilder.Opened(m), Time.GetUtcNow(), ct);
    }
}
