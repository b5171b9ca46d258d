using Marketplace.Contracts.Catalogue;
using Marketplace.OpenData.Data;
using Marketplace.OpenData.Ocds;
using Marketplace.ServiceDefaults.Messaging;
using MassTransit;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace Marketplace.OpenData.Consumers;

/// <summary>An amendment is a tender amendment with its description and the changed values.</summary>
public sealed class ScenarioAmendedConsumer(OpenDataDbContext db, OpenDataOptions options, TimeProvider time, ILogger<ScenarioAmendedConsumer> logger)
    : IdempotentConsumer<ScenarioAmended, OpenDataDbContext>(db, time, logger)
{
    protected override async Task HandleAsync(ScenarioAmended m, ConsumeContext<ScenarioAmended> context)
    {
        var ct = context.CancellationToken;
        if (await Db.Scenarios.FirstOrDefaultAsync(s => s.ScenarioId == m.ScenarioId, ct) is { } index)
        {
            index.Retitled(m.TitleEn, m.TitleZh);
        }
        await ReleaseLog.AppendAsync(Db, options, m.ScenarioId, ReleaseBuilder.Amended(m), Time.GetUtcNow(), ct);
    }
}
