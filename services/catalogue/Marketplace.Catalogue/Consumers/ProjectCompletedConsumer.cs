using Marketplace.Catalogue.Data;
using Marketplace.Catalogue.Domain;
using Marketplace.Contracts.Funding;
using Marketplace.ServiceDefaults.Messaging;
using MassTransit;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace Marketplace.Catalogue.Consumers;

/// <summary>The scenario's project completed: the scenario is Completed.</summary>
public sealed class ProjectCompletedConsumer(CatalogueDbContext db, TimeProvider time, ILogger<ProjectCompletedConsumer> logger)
    : IdempotentConsumer<ProjectCompleted, CatalogueDbContext>(db, time, logger)
{
    protected override async Task HandleAsync(ProjectCompleted message, ConsumeContext<ProjectCompleted> context)
    {
        var scenario = await Db.Scenarios.FirstOrDefaultAsync(s => s.Id == message.ScenarioId, context.CancellationToken);
        if (scenario is { Status: ScenarioStatus.Awarded or ScenarioStatus.InDelivery })
        {
            scenario.Complete(message.CompletedAt);
        }
    }
}
