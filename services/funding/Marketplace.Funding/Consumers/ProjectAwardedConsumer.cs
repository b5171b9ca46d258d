using Marketplace.Contracts.Matching;
using Marketplace.Funding.Data;
using Marketplace.Funding.Domain;
using Marketplace.ServiceDefaults.Messaging;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace Marketplace.Funding.Consumers;

/// <summary>
/// An award opens the project's funding application (once), unless its cancellation was consumed
/// first. Awards come in bursts (a batch of scenarios awarded together), so they are consumed in
/// batches (<see cref="AwardBatching"/>): one transaction and a handful of queries per batch.
/// </summary>
public sealed class ProjectAwardedConsumer(FundingDbContext db, TimeProvider time, ILogger<ProjectAwardedConsumer> logger)
    : IdempotentBatchConsumer<ProjectAwarded, FundingDbContext>(db, time, logger)
{
    protected override async Task HandleAsync(IReadOnlyList<ProjectAwarded> messages, CancellationToken cancellationToken)
    {
        var ids = messages.Select(a => a.ProjectId).Distinct().ToList();
        await Db.AwardedProjects.Where(p => ids.Contains(p.ProjectId)).LoadAsync(cancellationToken);
        var projects = Db.AwardedProjects.Local.Where(p => ids.Contains(p.ProjectId)).ToDictionary(p => p.ProjectId);
        foreach (var m in messages)
        {
            if (!projects.TryGetValue(m.ProjectId, out var project))
            {
                project = new AwardedProject(m.ProjectId, m.ScenarioId);
                Db.AwardedProjects.Add(project);
                projects[m.ProjectId] = project;
            }
            if (project.AwardedAt is null)
            {
                project.Awarded(m.VendorOrganisationId, m.PriceHkd, m.AwardedAt);
            }
        }
        await ApplicationOpening.OpenAllAsync(Db, [.. ids.Select(id => projects[id])], Logger, Time.GetUtcNow(), cancellationToken);
    }
}
