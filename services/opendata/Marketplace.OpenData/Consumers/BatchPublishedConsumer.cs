using Marketplace.Contracts.Catalogue;
using Marketplace.OpenData.Data;
using Marketplace.ServiceDefaults.Messaging;
using MassTransit;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace Marketplace.OpenData.Consumers;

/// <summary>A batch's scenarios are filed under it for the downloads' batch filter.</summary>
public sealed class BatchPublishedConsumer(OpenDataDbContext db, TimeProvider time, ILogger<BatchPublishedConsumer> logger)
    : IdempotentConsumer<BatchPublished, OpenDataDbContext>(db, time, logger)
{
    protected override async Task HandleAsync(BatchPublished m, ConsumeContext<BatchPublished> context)
    {
        var indexed = await Db.Scenarios.Where(s => m.ScenarioIds.Contains(s.ScenarioId)).ToListAsync(context.CancellationToken);
        foreach (var index in indexed)
        {
            index.InBatch(m.BatchId);
        }
    }
}
