using Marketplace.Catalogue.Data;
using Marketplace.Contracts.Matching;
using Marketplace.ServiceDefaults.Errors;
using Marketplace.ServiceDefaults.Messaging;
using MassTransit;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace Marketplace.Catalogue.Consumers;

/// <summary>
/// An award cancelled in its standstill period puts the scenario back to evaluation. A cancellation
/// of another project than the current award is stale (proven by the project ids): remembered and
/// logged. A cancellation the scenario must refuse (delivery already started) fails into the error
/// queue with a log, so the disagreement between the services is seen instead of dropped.
/// </summary>
public sealed partial class AwardCancelledConsumer(CatalogueDbContext db, TimeProvider time, ILogger<AwardCancelledConsumer> logger)
    : IdempotentConsumer<AwardCancelled, CatalogueDbContext>(db, time, logger)
{
    protected override async Task HandleAsync(AwardCancelled message, ConsumeContext<AwardCancelled> context)
    {
        var scenario = await Db.Scenarios.FirstOrDefaultAsync(s => s.Id == message.ScenarioId, context.CancellationToken);
        if (scenario is null)
        {
            LogUnknownScenario(Logger, message.ProjectId, message.ScenarioId);
            throw new InvalidOperationException($"AwardCancelled {message.ProjectId} is for scenario {message.ScenarioId}, which the catalogue does not hold.");
        }
        try
        {
            if (!scenario.CancelAward(message.ProjectId, message.CancelledAt))
            {
                LogStale(Logger, message.ProjectId, message.ScenarioId, scenario.ProjectId);
            }
        }
        catch (DomainRuleException refused)
        {
            LogRefused(Logger, message.ProjectId, message.ScenarioId, refused.Code, refused.Message);
            throw;
        }
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "AwardCancelled {ProjectId} names scenario {ScenarioId}, which the catalogue does not hold; the message goes to the error queue")]
    private static partial void LogUnknownScenario(ILogger logger, Guid projectId, Guid scenarioId);

    [LoggerMessage(Level = LogLevel.Warning, Message = "AwardCancelled {ProjectId} is not scenario {ScenarioId}'s current award ({CurrentProjectId}); recorded as cancelled, nothing else changes")]
    private static partial void LogStale(ILogger logger, Guid projectId, Guid scenarioId, Guid? currentProjectId);

    [LoggerMessage(Level = LogLevel.Error, Message = "Scenario {ScenarioId} refuses the cancellation of award {ProjectId} ({Code}: {Reason}); the message goes to the error queue")]
    private static partial void LogRefused(ILogger logger, Guid projectId, Guid scenarioId, string code, string reason);
}
