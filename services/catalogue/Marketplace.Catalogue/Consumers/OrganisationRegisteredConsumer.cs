using Marketplace.Catalogue.Data;
using Marketplace.Contracts.Identity;
using Marketplace.ServiceDefaults.Messaging;
using MassTransit;
using Microsoft.Extensions.Logging;

namespace Marketplace.Catalogue.Consumers;

/// <summary>A new department, vendor or chamber becomes known to the catalogue by name (for scenarios, success cases and the showcase).</summary>
public sealed class OrganisationRegisteredConsumer(CatalogueDbContext db, TimeProvider time, ILogger<OrganisationRegisteredConsumer> logger)
    : IdempotentConsumer<OrganisationRegistered, CatalogueDbContext>(db, time, logger)
{
    protected override Task HandleAsync(OrganisationRegistered message, ConsumeContext<OrganisationRegistered> context) =>
        DepartmentDirectory.UpsertAsync(Db, message.OrganisationId, message.Type, message.NameEn, message.NameZh, message.Status, message.RegisteredAt, context.CancellationToken);
}
