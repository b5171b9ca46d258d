using Marketplace.Contracts.Catalogue;
using Marketplace.ServiceDefaults.Messaging;
using Marketplace.Talent.Data;
using Marketplace.Talent.Domain;
using MassTransit;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace Marketplace.Talent.Consumers;

/// <summary>A closed scenario no longer adds to demand; consumed before its publication, the closure is kept so the late publication counts only until it.</summary>
public sealed class ScenarioClosedConsumer(TalentDbContext db, TimeProvider time, ILogger<ScenarioClosedConsumer> logger)
    : IdempotentConsumer<ScenarioClosed, TalentDbContext>(db, time, logger)
{
    protected override async Task HandleAsync(ScenarioClosed m, ConsumeContext<ScenarioClosed> context)
    {
        var scenario = await Db.Scenarios.FirstOrDefaultAsync(s => s.ScenarioId == m.ScenarioId, context.CancellationToken);
        if (scenario is null)
        {
            scenario = new ScenarioDemand(m.ScenarioId);
            Db.Scenarios.Add(scenario);
        }
        scenario.Closed(m.ClosedAt);
    }
}
