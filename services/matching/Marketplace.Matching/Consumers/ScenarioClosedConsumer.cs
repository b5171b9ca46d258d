using Marketplace.Contracts.Catalogue;
using Marketplace.Matching.Data;
using Marketplace.Matching.Domain;
using Marketplace.ServiceDefaults.Messaging;
using MassTransit;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace Marketplace.Matching.Consumers;

/// <summary>
/// Marks a scenario closed, cancelled or not by the closure's kind (never by its display reason);
/// if the closure overtakes the publication, the record waits closed.
/// </summary>
public sealed class ScenarioClosedConsumer(MatchingDbContext db, TimeProvider time, ILogger<ScenarioClosedConsumer> logger)
    : IdempotentConsumer<ScenarioClosed, MatchingDbContext>(db, time, logger)
{
    protected override async Task HandleAsync(ScenarioClosed message, ConsumeContext<ScenarioClosed> context)
    {
        var scenario = await Db.OpenScenarios.FirstOrDefaultAsync(s => s.ScenarioId == message.ScenarioId, context.CancellationToken);
        if (scenario is null)
        {
            scenario = OpenScenario.Known(message.ScenarioId, message.DepartmentId);
            Db.OpenScenarios.Add(scenario);
        }
        scenario.Closed(message.Kind, message.ClosedAt);
    }
}
