using Marketplace.Contracts.Catalogue;
using Marketplace.OpenData.Data;
using Marketplace.OpenData.Ocds;
using Marketplace.ServiceDefaults.Messaging;
using MassTransit;
using Microsoft.Extensions.Logging;

namespace Marketplace.OpenData.Consumers;

/// <summary>An answered question joins the tender's enquiries (who asked is never in the event, so never in the release).</summary>
public sealed class ClarificationAnsweredConsumer(OpenDataDbContext db, OpenDataOptions options, TimeProvider time, ILogger<ClarificationAnsweredConsumer> logger)
    : IdempotentConsumer<ClarificationAnswered, OpenDataDbContext>(db, time, logger)
{
    protected override Task HandleAsync(ClarificationAnswered m, ConsumeContext<ClarificationAnswered> context) =>
        ReleaseLog.AppendAsync(Db, options, m.ScenarioId, ReleaseBuilder.Answered(m), Time.GetUtcNow(), context.CancellationToken);
}
