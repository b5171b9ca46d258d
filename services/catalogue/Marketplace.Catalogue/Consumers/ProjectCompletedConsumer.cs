using Marketplace.Catalogue.Data;
using Marketplace.Catalogue.Domain;
using Marketplace.Contracts.Funding;
using Marketplace.ServiceDefaults.Data;
using Marketplace.ServiceDefaults.Errors;
using Marketplace.ServiceDefaults.Messaging;
using MassTransit;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace Marketplace.Catalogue.Consumers;

/// <summary>
/// The scenario's project completed: the scenario is Completed and a success case is drafted from
/// it for the department and the vendor to approve; from Awarded (delivery never marked as started) the
/// scenario passes through InDelivery in the same step. A scenario that is not the project's (unknown,
/// or with another award) or cannot complete fails the message into the error queue with a log.
/// </summary>
public sealed partial class ProjectCompletedConsumer(CatalogueDbContext db, TimeProvider time, ILogger<ProjectCompletedConsumer> logger)
    : IdempotentConsumer<ProjectCompleted, CatalogueDbContext>(db, time, logger)
{
    protected override async Task HandleAsync(ProjectCompleted message, ConsumeContext<ProjectCompleted> context)
    {
        var scenario = await Db.Scenarios.FirstOrDefaultAsync(s => s.Id == message.ScenarioId, context.CancellationToken);
        if (scenario is null || scenario.ProjectId != message.ProjectId)
        {
            LogNotTheAward(Logger, message.ProjectId, message.ScenarioId, scenario?.ProjectId);
            throw new InvalidOperationException($"ProjectCompleted {message.ProjectId} is not the award of scenario {message.ScenarioId} in the catalogue.");
        }
        if (scenario.Status != ScenarioStatus.Completed)
        {
            try
            {
                // Completed without "start delivery": delivery started with it, and matching hears so.
                if (scenario.Complete(message.CompletedAt) is { } started)
                {
                    Db.AddEvent(started, Time.GetUtcNow());
                }
            }
            catch (DomainRuleException refused)
            {
                LogRefused(Logger, message.ProjectId, message.ScenarioId, refused.Code, refused.Message);
                throw;
            }
        }
        if (await Db.SuccessCases.AnyAsync(c => c.ProjectId == message.ProjectId, context.CancellationToken))
        {
            return;
        }
        var content = new SuccessCaseContent(
            scenario.TitleEn, scenario.TitleZh, scenario.ProblemEn, scenario.ProblemZh, message.OutcomeSummaryEn, message.OutcomeSummaryZh,
            scenario.Area, scenario.Sector, scenario.Capabilities,
            message.Kpis.Select(k => new KpiOutcome(k.NameEn, k.NameZh, k.Target, k.Achieved)).ToList());
        Db.SuccessCases.Add(SuccessCase.Draft(scenario.DepartmentId, message.VendorOrganisationId, scenario.Id, message.ProjectId, content, message.CompletedAt));
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "ProjectCompleted {ProjectId} is not the award of scenario {ScenarioId} (the catalogue holds {CurrentProjectId}); the message goes to the error queue")]
    private static partial void LogNotTheAward(ILogger logger, Guid projectId, Guid scenarioId, Guid? currentProjectId);

    [LoggerMessage(Level = LogLevel.Error, Message = "Scenario {ScenarioId} cannot complete project {ProjectId} ({Code}: {Reason}); the message goes to the error queue")]
    private static partial void LogRefused(ILogger logger, Guid projectId, Guid scenarioId, string code, string reason);
}
