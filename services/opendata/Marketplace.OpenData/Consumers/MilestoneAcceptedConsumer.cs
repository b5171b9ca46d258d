using Marketplace.Contracts.Funding;
using Marketplace.OpenData.Data;
using Marketplace.OpenData.Ocds;
using Marketplace.ServiceDefaults.Messaging;
using MassTransit;
using Microsoft.Extensions.Logging;

namespace Marketplace.OpenData.Consumers;

/// <summary>An accepted milestone joins the contract's implementation.</summary>
public sealed class MilestoneAcceptedConsumer(OpenDataDbContext db, OpenDataOptions options, TimeProvider time, ILogger<MilestoneAcceptedConsumer> logger)
    : IdempotentConsumer<MilestoneAccepted, OpenDataDbContext>(db, time, logger)
{
    protected override Task HandleAsync(MilestoneAccepted m, ConsumeContext<MilestoneAccepted> context) =>
        FundingReleases.MilestoneAsync(Db, options, m, Time.GetUtcNow(), context.CancellationToken);
}
