using Marketplace.Contracts.Catalogue;
using Marketplace.Matching.Data;
using Marketplace.ServiceDefaults.Errors;
using Marketplace.ServiceDefaults.Messaging;
using MassTransit;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace Marketplace.Matching.Consumers;

/// <summary>
/// Delivery started in the catalogue: the award is a contract and can no longer be cancelled here.
/// Delivery of a project that is not the evaluation's award (the services disagree) fails into the
/// error queue with a log, for an operator to resolve.
/// </summary>
public sealed partial class ScenarioDeliveryStartedConsumer(MatchingDbContext db, TimeProvider time, ILogger<ScenarioDeliveryStartedConsumer> logger)
    : IdempotentConsumer<ScenarioDeliveryStarted, MatchingDbContext>(db, time, logger)
{
    protected override async Task HandleAsync(ScenarioDeliveryStarted message, ConsumeContext<ScenarioDeliveryStarted> context)
    {
        var evaluation = await Db.Evaluations.FirstOrDefaultAsync(e => e.ScenarioId == message.ScenarioId, context.CancellationToken);
        try
        {
            if (evaluation is null)
            {
                throw new DomainRuleException("not-the-award", Domain.Evaluation.NotTheAward);
            }
            evaluation.DeliveryStarted(message.ProjectId, message.StartedAt);
        }
        catch (DomainRuleException refused)
        {
            LogRefused(Logger, message.ProjectId, message.ScenarioId, evaluation?.ProjectId, refused.Message);
            throw;
        }
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Delivery of project {ProjectId} started in the catalogue for scenario {ScenarioId}, whose award here is {CurrentProjectId}: {Reason}; the message goes to the error queue")]
    private static partial void LogRefused(ILogger logger, Guid projectId, Guid scenarioId, Guid? currentProjectId, string reason);
}
