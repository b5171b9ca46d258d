using Marketplace.Catalogue.Data;
using Marketplace.Catalogue.Domain;
using Marketplace.Contracts.Funding;
using Marketplace.ServiceDefaults.Messaging;
using MassTransit;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace Marketplace.Catalogue.Consumers;

/// <summary>
/// The scenario's project completed: the scenario is Completed and a success case is drafted from
/// it for the department and the vendor to approve.
/// </summary>
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
        if (scenario is null || await Db.SuccessCases.AnyAsync(c => c.ProjectId == message.ProjectId, context.CancellationToken))
        {
            return;
        }
        var content = new SuccessCaseContent(
            scenario.TitleEn, scenario.TitleZh, scenario.ProblemEn, scenario.ProblemZh, message.OutcomeSummaryEn, message.OutcomeSummaryZh,
            scenario.Area, scenario.Sector, scenario.Capabilities,
            message.Kpis.Select(k => new KpiOutcome(k.NameEn, k.NameZh, k.Target, k.Achieved)).ToList());
        Db.SuccessCases.Add(SuccessCase.Draft(scenario.DepartmentId, message.VendorOrganisationId, scenario.Id, message.ProjectId, content, message.CompletedAt));
    }
}
