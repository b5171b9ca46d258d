using Marketplace.Contracts.Catalogue;
using Marketplace.OpenData.Data;
using Marketplace.OpenData.Domain;
using Marketplace.ServiceDefaults.Messaging;
using MassTransit;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace Marketplace.OpenData.Consumers;

/// <summary>A batch's scenarios are filed under it for the downloads' batch filter; its names label the statistics by batch.</summary>
public sealed class BatchPublishedConsumer(OpenDataDbContext db, TimeProvider time, ILogger<BatchPublishedConsumer> logger)
    : IdempotentConsumer<BatchPublished, OpenDataDbContext>(db, time, logger)
{
    protected override async Task HandleAsync(BatchPublished m, ConsumeContext<BatchPublished> context)
    {
        var ct = context.CancellationToken;
        if (await Db.Batches.FindAsync([m.BatchId], ct) is null)
        {
            Db.Batches.Add(new PublishedBatch(m.BatchId, m.Code, m.NameEn, m.NameZh));
        }
        var indexed = await Db.Scenarios.Where(s => m.ScenarioIds.Contains(s.ScenarioId)).ToListAsync(ct);
        foreach (var index in indexed)
        {
            index.InBatch(m.BatchId);
        }
    }
}
