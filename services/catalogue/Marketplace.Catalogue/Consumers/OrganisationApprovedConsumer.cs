using Marketplace.Catalogue.Data;
using Marketplace.Contracts.Identity;
using Marketplace.ServiceDefaults.Messaging;
using MassTransit;
using Microsoft.Extensions.Logging;

namespace Marketplace.Catalogue.Consumers;

/// <summary>An approved vendor may be named on success cases.</summary>
public sealed class OrganisationApprovedConsumer(CatalogueDbContext db, TimeProvider time, ILogger<OrganisationApprovedConsumer> logger)
    : IdempotentConsumer<OrganisationApproved, CatalogueDbContext>(db, time, logger)
{
    protected override Task HandleAsync(OrganisationApproved message, ConsumeContext<OrganisationApproved> context) =>
        DepartmentDirectory.ApprovedAsync(Db, message.OrganisationId, message.Type, message.ApprovedAt, context.CancellationToken);
}
