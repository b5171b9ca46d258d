using Marketplace.Contracts.Catalogue;
using Marketplace.Funding.Data;
using Marketplace.Funding.Domain;
using Marketplace.ServiceDefaults.Messaging;
using MassTransit;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace Marketplace.Funding.Consumers;

/// <summary>Keeps the scenario's titles, sector and target schemes; an award that arrived first gets its application now.</summary>
public sealed class ScenarioPublishedConsumer(FundingDbContext db, TimeProvider time, ILogger<ScenarioPublishedConsumer> logger)
    : IdempotentConsumer<ScenarioPublished, FundingDbContext>(db, time, logger)
{
    protected override async Task HandleAsync(ScenarioPublished m, ConsumeContext<ScenarioPublished> context)
    {
        var scenario = await Db.Scenarios.FirstOrDefaultAsync(s => s.ScenarioId == m.ScenarioId, context.CancellationToken);
        if (scenario is null)
        {
            scenario = new ScenarioFacts(m.ScenarioId);
            Db.Scenarios.Add(scenario);
        }
        scenario.Published(m.DepartmentId, m.TitleEn, m.TitleZh, m.Sector, m.TargetSchemes, m.PublishedAt);
        var waiting = await Db.AwardedProjects.Where(p => p.ScenarioId == m.ScenarioId && p.VendorId != null && p.CancelledAt == null).ToListAsync(context.CancellationToken);
        foreach (var project in waiting)
        {
            await ApplicationOpening.OpenAsync(Db, project, Logger, Time.GetUtcNow(), context.CancellationToken);
        }
    }
}
