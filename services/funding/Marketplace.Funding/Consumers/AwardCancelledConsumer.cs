using Marketplace.Contracts.Matching;
using Marketplace.Funding.Data;
using Marketplace.Funding.Domain;
using Marketplace.ServiceDefaults.Messaging;
using MassTransit;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace Marketplace.Funding.Consumers;

/// <summary>
/// A cancelled award withdraws the application it opened. Consumed before its award, it is kept on
/// the project so the late award opens nothing. An application that already completed cannot be
/// withdrawn: the refusal goes to the error queue.
/// </summary>
public sealed class AwardCancelledConsumer(FundingDbContext db, TimeProvider time, ILogger<AwardCancelledConsumer> logger)
    : IdempotentConsumer<AwardCancelled, FundingDbContext>(db, time, logger)
{
    protected override async Task HandleAsync(AwardCancelled m, ConsumeContext<AwardCancelled> context)
    {
        var project = await Db.AwardedProjects.FirstOrDefaultAsync(p => p.ProjectId == m.ProjectId, context.CancellationToken);
        if (project is null)
        {
            project = new AwardedProject(m.ProjectId, m.ScenarioId);
            Db.AwardedProjects.Add(project);
        }
        project.Cancelled(m.CancelledAt);
        var applications = await Db.Applications.Where(a => a.ProjectId == m.ProjectId).ToListAsync(context.CancellationToken);
        foreach (var application in applications)
        {
            application.Withdraw(m.CancelledAt);
        }
    }
}
