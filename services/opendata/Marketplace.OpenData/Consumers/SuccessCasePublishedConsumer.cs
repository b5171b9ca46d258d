using Marketplace.Contracts.Catalogue;
using Marketplace.OpenData.Data;
using Marketplace.OpenData.Domain;
using Marketplace.ServiceDefaults.Messaging;
using MassTransit;
using Microsoft.Extensions.Logging;

namespace Marketplace.OpenData.Consumers;

/// <summary>A published success case is counted by sector in the programme statistics (it is no contracting process: no release).</summary>
public sealed class SuccessCasePublishedConsumer(OpenDataDbContext db, TimeProvider time, ILogger<SuccessCasePublishedConsumer> logger)
    : IdempotentConsumer<SuccessCasePublished, OpenDataDbContext>(db, time, logger)
{
    protected override async Task HandleAsync(SuccessCasePublished m, ConsumeContext<SuccessCasePublished> context)
    {
        if (await Db.SuccessCases.FindAsync([m.SuccessCaseId], context.CancellationToken) is null)
        {
            Db.SuccessCases.Add(new SuccessCaseFact(m.SuccessCaseId, m.ScenarioId, m.DepartmentId, m.Sector, m.PublishedAt));
        }
    }
}
