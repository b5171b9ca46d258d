using Marketplace.Contracts.Identity;
using Marketplace.Funding.Data;
using Marketplace.ServiceDefaults.Messaging;
using MassTransit;
using Microsoft.Extensions.Logging;

namespace Marketplace.Funding.Consumers;

/// <summary>A vendor's registration: its names, size class, status and the business registration number the Hong Kong rule checks.</summary>
public sealed class VendorRegisteredConsumer(FundingDbContext db, TimeProvider time, ILogger<VendorRegisteredConsumer> logger)
    : IdempotentConsumer<OrganisationRegistered, FundingDbContext>(db, time, logger)
{
    protected override async Task HandleAsync(OrganisationRegistered m, ConsumeContext<OrganisationRegistered> context)
    {
        if (m.Type != OrganisationType.Vendor)
        {
            return;
        }
        var vendor = await VendorDirectory.FactsAsync(Db, m.OrganisationId, context.CancellationToken);
        vendor.Registration(m.BusinessRegistrationNumber);
        vendor.Details(m.NameEn, m.NameZh, m.SizeClass, m.Status, m.RegisteredAt);
    }
}
