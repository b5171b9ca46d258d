using Marketplace.Catalogue.Data;
using Marketplace.Contracts.Matching;
using Marketplace.ServiceDefaults.Data;
using Marketplace.ServiceDefaults.Errors;
using Marketplace.ServiceDefaults.Messaging;
using MassTransit;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace Marketplace.Catalogue.Consumers;

/// <summary>
/// The scenario shows its award (who won it, for how much, when). An award already applied, or one
/// whose cancellation arrived first, is skipped with a log; an award the scenario cannot take (unknown
/// scenario, not closed for proposals) fails into the error queue with a log saying why.
/// </summary>
public sealed partial class ProjectAwardedConsumer(CatalogueDbContext db, TimeProvider time, ILogger<ProjectAwardedConsumer> logger)
    : IdempotentConsumer<ProjectAwarded, CatalogueDbContext>(db, time, logger)
{
    protected override async Task HandleAsync(ProjectAwarded message, ConsumeContext<ProjectAwarded> context)
    {
        var scenario = await Db.Scenarios.FirstOrDefaultAsync(s => s.Id == message.ScenarioId, context.CancellationToken);
        if (scenario is null)
        {
            LogUnknownScenario(Logger, message.ProjectId, message.ScenarioId);
            throw new InvalidOperationException($"ProjectAwarded {message.ProjectId} is for scenario {message.ScenarioId}, which the catalogue does not hold.");
        }
        if (scenario.ProjectId == message.ProjectId)
        {
            LogAlreadyApplied(Logger, message.ProjectId, message.ScenarioId);
            return;
        }
        if (scenario.IsCancelledProject(message.ProjectId))
        {
            LogStale(Logger, message.ProjectId, message.ScenarioId);
            return;
        }
        try
        {
            if (scenario.Award(message.ProjectId, message.VendorOrganisationId, message.PriceHkd, message.AwardedAt, message.StandstillEndsAt) is { } closed)
            {
                Db.AddEvent(closed, Time.GetUtcNow());
            }
        }
        catch (DomainRuleException refused)
        {
            LogRefused(Logger, message.ProjectId, message.ScenarioId, refused.Code, refused.Message);
            throw;
        }
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "ProjectAwarded {ProjectId} names scenario {ScenarioId}, which the catalogue does not hold; the message goes to the error queue")]
    private static partial void LogUnknownScenario(ILogger logger, Guid projectId, Guid scenarioId);

    [LoggerMessage(Level = LogLevel.Information, Message = "ProjectAwarded {ProjectId} is already scenario {ScenarioId}'s award; nothing to apply")]
    private static partial void LogAlreadyApplied(ILogger logger, Guid projectId, Guid scenarioId);

    [LoggerMessage(Level = LogLevel.Warning, Message = "ProjectAwarded {ProjectId} arrived after its cancellation for scenario {ScenarioId}; the stale award is not applied")]
    private static partial void LogStale(ILogger logger, Guid projectId, Guid scenarioId);

    [LoggerMessage(Level = LogLevel.Error, Message = "Scenario {ScenarioId} cannot take award {ProjectId} ({Code}: {Reason}); the message goes to the error queue")]
    private static partial void LogRefused(ILogger logger, Guid projectId, Guid scenarioId, string code, string reason);
}
