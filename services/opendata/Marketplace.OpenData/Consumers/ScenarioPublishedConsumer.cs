using Marketplace.Contracts.Catalogue;
using Marketplace.OpenData.Data;
using Marketplace.OpenData.Domain;
using Marketplace.OpenData.Ocds;
using Marketplace.ServiceDefaults.Localization;
using Marketplace.ServiceDefaults.Messaging;
using MassTransit;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace Marketplace.OpenData.Consumers;

/// <summary>A published scenario is a tender: its release, and the index the downloads filter by and the statistics count.</summary>
public sealed class ScenarioPublishedConsumer(OpenDataDbContext db, OpenDataOptions options, TimeProvider time, ILogger<ScenarioPublishedConsumer> logger)
    : IdempotentConsumer<ScenarioPublished, OpenDataDbContext>(db, time, logger)
{
    protected override async Task HandleAsync(ScenarioPublished m, ConsumeContext<ScenarioPublished> context)
    {
        var ct = context.CancellationToken;
        var index = await Db.Scenarios.FirstOrDefaultAsync(s => s.ScenarioId == m.ScenarioId, ct);
        if (index is null)
        {
            index = new ScenarioIndex(m.ScenarioId, m.DepartmentId);
            Db.Scenarios.Add(index);
        }
        index.Published(m.DepartmentId, m.BatchId, m.PublishedAt.ToOffset(HongKongTime.Offset).Year, m.TitleEn, m.TitleZh, m.Area, m.Sector, m.PublishedAt);
        var department = await Db.Organisations.FindAsync([m.DepartmentId], ct);
        await ReleaseLog.AppendAsync(Db, options, m.ScenarioId, ReleaseBuilder.Published(m, department), Time.GetUtcNow(), ct);
    }
}
