using Marketplace.Contracts.Funding;
using Marketplace.OpenData.Data;
using Marketplace.OpenData.Domain;
using Marketplace.OpenData.Ocds;
using Marketplace.ServiceDefaults.Messaging;
using MassTransit;
using Microsoft.Extensions.Logging;

namespace Marketplace.OpenData.Consumers;

/// <summary>
/// A funding decision links the application to its project and scenario; a funded one is the project's contract.
/// Applications outside any scenario procure nothing and publish nothing.
/// </summary>
public sealed partial class FundingDecidedConsumer(OpenDataDbContext db, OpenDataOptions options, TimeProvider time, ILogger<FundingDecidedConsumer> logger)
    : IdempotentConsumer<FundingDecided, OpenDataDbContext>(db, time, logger)
{
    protected override async Task HandleAsync(FundingDecided m, ConsumeContext<FundingDecided> context)
    {
        var ct = context.CancellationToken;
        var now = Time.GetUtcNow();
        var link = await Db.Applications.FindAsync([m.ApplicationId], ct);
        if (link is null)
        {
            link = ApplicationLink.Awaiting(m.ApplicationId);
            Db.Applications.Add(link);
        }
        link.Decide(m.ProjectId, m.ScenarioId, m.FundingBodyId, m.SchemeCode, m.Outcome == FundingOutcome.Funded ? m.AmountHkd : 0m, m.DecidedAt);
        if (m.ScenarioId is not { } scenarioId || m.ProjectId is not { } projectId)
        {
            LogOutsideProcurement(Logger, m.ApplicationId);
        }
        else if (m.Outcome == FundingOutcome.Funded)
        {
            var project = await Db.Projects.FindAsync([projectId], ct);
            var funder = m.FundingBodyId is { } body ? await Db.Organisations.FindAsync([body], ct) : null;
            await ReleaseLog.AppendAsync(Db, options, scenarioId, ReleaseBuilder.Funded(m, projectId, project?.PriceHkd, funder), now, ct);
        }
        else
        {
            LogNotFunded(Logger, m.ApplicationId, m.Outcome);
        }
        await FundingReleases.ReleasePendingAsync(Db, options, m.ApplicationId, now, ct);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Funding application {ApplicationId} belongs to no scenario: no open-data release")]
    private static partial void LogOutsideProcurement(ILogger logger, Guid applicationId);

    [LoggerMessage(Level = LogLevel.Information, Message = "Funding application {ApplicationId} was decided {Outcome}: no contract to publish")]
    private static partial void LogNotFunded(ILogger logger, Guid applicationId, FundingOutcome outcome);
}
