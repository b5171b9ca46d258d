using Marketplace.Contracts.Funding;
using Marketplace.OpenData.Data;
using Marketplace.OpenData.Ocds;
using Marketplace.ServiceDefaults.Messaging;
using MassTransit;
using Microsoft.Extensions.Logging;

namespace Marketplace.OpenData.Consumers;

/// <summary>A released payment is a transaction of the contract's implementation, from the funder to the vendor.</summary>
public sealed class DisbursementReleasedConsumer(OpenDataDbContext db, OpenDataOptions options, TimeProvider time, ILogger<DisbursementReleasedConsumer> logger)
    : IdempotentConsumer<DisbursementReleased, OpenDataDbContext>(db, time, logger)
{
    protected override Task HandleAsync(DisbursementReleased m, ConsumeContext<DisbursementReleased> context) =>
        FundingReleases.PaymentAsync(Db, options, m, Time.GetUtcNow(), context.CancellationToken);
}
