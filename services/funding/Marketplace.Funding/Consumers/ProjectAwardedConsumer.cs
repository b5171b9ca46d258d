using Marketplace.Contracts.Matching;
using Marketplace.Funding.Data;
using Marketplace.Funding.Domain;
using Marketplace.ServiceDefaults.Messaging;
using MassTransit;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace Marketplace.Funding.Consumers;

/// <summary>An award opens the project's funding application (once), unless its cancellation was consumed first.</summary>
public sealed class ProjectAwardedConsumer(FundingDbContext db, TimeProvider time, ILogger<ProjectAwardedConsumer> logger)
    : IdempotentConsumer<ProjectAwarded, FundingDbContext>(db, time, logger)
{
    protected override async Task HandleAsync(ProjectAwarded m, ConsumeContext<ProjectAwarded> context)
    {
        var project = await Db.AwardedProjects.FirstOrDefaultAsync(p => p.ProjectId == m.ProjectId, context.CancellationToken);
        if (project is null)
        {
            project = new AwardedProject(m.ProjectId, m.ScenarioId);
            Db.AwardedProjects.Add(project);
        }
        if (project.AwardedAt is null)
        {
            project.Awarded(m.VendorOrganisationId, m.PriceHkd, m.AwardedAt);
        }
        await ApplicationOpening.OpenAsync(Db, project, Logger, Time.GetUtcNow(), context.CancellationToken);
    }
}
