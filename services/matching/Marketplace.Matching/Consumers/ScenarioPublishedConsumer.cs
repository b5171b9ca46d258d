using Marketplace.Contracts.Catalogue;
using Marketplace.Matching.Data;
using Marketplace.Matching.Domain;
using Marketplace.ServiceDefaults.Messaging;
using MassTransit;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace Marketplace.Matching.Consumers;

/// <summary>Adds a newly published scenario to matching's read model of open scenarios.</summary>
public sealed class ScenarioPublishedConsumer(MatchingDbContext db, TimeProvider time, ILogger<ScenarioPublishedConsumer> logger)
    : IdempotentConsumer<ScenarioPublished, MatchingDbContext>(db, time, logger)
{
    protected override async Task HandleAsync(ScenarioPublished message, ConsumeContext<ScenarioPublished> context)
    {
        var scenario = await Db.OpenScenarios.FirstOrDefaultAsync(s => s.ScenarioId == message.ScenarioId, context.CancellationToken);
        if (scenario is null)
        {
            scenario = OpenScenario.Known(message.ScenarioId, message.DepartmentId);
            Db.OpenScenarios.Add(scenario);
        }
        scenario.Published(message.TitleEn, message.TitleZh, message.ProblemEn, message.ProblemZh, message.Area, message.Sector, message.Capabilities,
            message.BudgetMinHkd, message.BudgetMaxHkd, message.ProposalDeadline, message.PublishedAt);
    }
}
