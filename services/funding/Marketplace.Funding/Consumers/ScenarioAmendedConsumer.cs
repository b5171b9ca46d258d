using Marketplace.Contracts.Catalogue;
using Marketplace.Funding.Data;
using Marketplace.ServiceDefaults.Messaging;
using MassTransit;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace Marketplace.Funding.Consumers;

/// <summary>An amendment may retitle the scenario; one funding never saw published is left to its publication.</summary>
public sealed class ScenarioAmendedConsumer(FundingDbContext db, TimeProvider time, ILogger<ScenarioAmendedConsumer> logger)
    : IdempotentConsumer<ScenarioAmended, FundingDbContext>(db, time, logger)
{
    protected override async Task HandleAsync(ScenarioAmended m, ConsumeContext<ScenarioAmended> context)
    {
        var scenario = await Db.Scenarios.FirstOrDefaultAsync(s => s.ScenarioId == m.ScenarioId, context.CancellationToken)
            ?? throw new InvalidOperationException($"ScenarioAmended {m.ScenarioId} arrived before its ScenarioPublished.");
        scenario.Amended(m.TitleEn, m.TitleZh, m.AmendedAt);
    }
}
