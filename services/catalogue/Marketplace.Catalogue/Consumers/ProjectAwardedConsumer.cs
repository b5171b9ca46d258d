using Marketplace.Catalogue.Data;
using Marketplace.Contracts.Matching;
using Marketplace.ServiceDefaults.Data;
using Marketplace.ServiceDefaults.Messaging;
using MassTransit;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace Marketplace.Catalogue.Consumers;

/// <summary>The scenario shows its award (and who won it).</summary>
public sealed class ProjectAwardedConsumer(CatalogueDbContext db, TimeProvider time, ILogger<ProjectAwardedConsumer> logger)
    : IdempotentConsumer<ProjectAwarded, CatalogueDbContext>(db, time, logger)
{
    protected override async Task HandleAsync(ProjectAwarded message, ConsumeContext<ProjectAwarded> context)
    {
        var scenario = await Db.Scenarios.FirstOrDefaultAsync(s => s.Id == message.ScenarioId, context.CancellationToken);
        if (scenario is null || scenario.ProjectId == message.ProjectId)
        {
            return;
        }
        if (scenario.Award(message.ProjectId, message.VendorOrganisationId, message.AwardedAt) is { } closed)
        {
            Db.AddEvent(closed, Time.GetUtcNow());
        }
    }
}
