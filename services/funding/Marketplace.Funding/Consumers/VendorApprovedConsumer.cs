using Marketplace.Contracts.Identity;
using Marketplace.Funding.Data;
using Marketplace.ServiceDefaults.Messaging;
using MassTransit;
using Microsoft.Extensions.Logging;

namespace Marketplace.Funding.Consumers;

/// <summary>A vendor was approved (possibly consumed before its registration).</summary>
public sealed class VendorApprovedConsumer(FundingDbContext db, TimeProvider time, ILogger<VendorApprovedConsumer> logger)
    : IdempotentConsumer<OrganisationApproved, FundingDbContext>(db, time, logger)
{
    protected override async Task HandleAsync(OrganisationApproved m, ConsumeContext<OrganisationApproved> context)
    {
        if (m.Type == OrganisationType.Vendor)
        {
            (await VendorDirectory.FactsAsync(Db, m.OrganisationId, context.CancellationToken)).SetStatus(OrganisationStatus.Approved, m.ApprovedAt);
        }
    }
}
