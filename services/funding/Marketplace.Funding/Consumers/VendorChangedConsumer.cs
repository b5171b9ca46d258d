using Marketplace.Contracts.Identity;
using Marketplace.Funding.Data;
using Marketplace.ServiceDefaults.Messaging;
using MassTransit;
using Microsoft.Extensions.Logging;

namespace Marketplace.Funding.Consumers;

/// <summary>A vendor's names, size class or status changed (newest wins).</summary>
public sealed class VendorChangedConsumer(FundingDbContext db, TimeProvider time, ILogger<VendorChangedConsumer> logger)
    : IdempotentConsumer<OrganisationChanged, FundingDbContext>(db, time, logger)
{
    protected override async Task HandleAsync(OrganisationChanged m, ConsumeContext<OrganisationChanged> context)
    {
        if (m.Type == OrganisationType.Vendor)
        {
            (await VendorDirectory.FactsAsync(Db, m.OrganisationId, context.CancellationToken)).Details(m.NameEn, m.NameZh, m.SizeClass, m.Status, m.ChangedAt);
        }
    }
}
