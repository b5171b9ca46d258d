using Marketplace.Contracts.Matching;
using Marketplace.ServiceDefaults.Messaging;
using Marketplace.Talent.Data;
using Marketplace.Talent.Domain;
using MassTransit;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace Marketplace.Talent.Consumers;

/// <summary>
/// A cancelled award cancels the project's requirements and lapses their pending invitations.
/// Consumed before its award, it is kept on the project so the late award creates no requirement.
/// </summary>
public sealed class AwardCancelledConsumer(TalentDbContext db, TimeProvider time, ILogger<AwardCancelledConsumer> logger)
    : IdempotentConsumer<AwardCancelled, TalentDbContext>(db, time, logger)
{
    protected override async Task HandleAsync(AwardCancelled m, ConsumeContext<AwardCancelled> context)
    {
        var project = await Db.Projects.FirstOrDefaultAsync(p => p.ProjectId == m.ProjectId, context.CancellationToken);
        if (project is null)
        {
            project = new StaffedProject(m.ProjectId, m.ScenarioId);
            Db.Projects.Add(project);
        }
        project.Cancel(m.CancelledAt);
        foreach (var requirement in await Db.Requirements.Where(r => r.ProjectId == m.ProjectId).ToListAsync(context.CancellationToken))
        {
            requirement.Cancel(m.CancelledAt);
        }
        foreach (var invitation in await Db.Invitations.Where(i => i.ProjectId == m.ProjectId).ToListAsync(context.CancellationToken))
        {
            invitation.Lapse(m.CancelledAt);
        }
    }
}
