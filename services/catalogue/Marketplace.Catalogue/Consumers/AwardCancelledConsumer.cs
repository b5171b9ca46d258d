using Marketplace.Catalogue.Data;
using Marketplace.Catalogue.Domain;
using Marketplace.Contracts.Matching;
using Marketplace.ServiceDefaults.Messaging;
using MassTransit;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace Marketplace.Catalogue.Consumers;

/// <summary>An award cancelled in its standstill period puts the scenario back to evaluation.</summary>
public sealed class AwardCancelledConsumer(CatalogueDbContext db, TimeProvider time, ILogger<AwardCancelledConsumer> logger)
    : IdempotentConsumer<AwardCancelled, CatalogueDbContext>(db, time, logger)
{
    protected override async Task HandleAsync(AwardCancelled message, ConsumeContext<AwardCancelled> context)
    {
        var scenario = await Db.Scenarios.FirstOrDefaultAsync(s => s.Id == message.ScenarioId, context.CancellationToken);
        // Only the award this cancellation is about; an older cancellation arriving late changes nothing.
        if (scenario is { Status: ScenarioStatus.Awarded } && scenario.ProjectId == message.ProjectId)
        {
            scenario.CancelAward(message.CancelledAt);
        }
    }
}
