using Marketplace.Catalogue.Data;
using Marketplace.Contracts.Identity;
using Marketplace.ServiceDefaults.Messaging;
using MassTransit;
using Microsoft.Extensions.Logging;

namespace Marketplace.Catalogue.Consumers;

/// <summary>A department renamed in the identity service is shown with its new names on every scenario; a vendor's status follows too.</summary>
public sealed class OrganisationChangedConsumer(CatalogueDbContext db, TimeProvider time, ILogger<OrganisationChangedConsumer> logger)
    : IdempotentConsumer<OrganisationChanged, CatalogueDbContext>(db, time, logger)
{
    protected override Task HandleAsync(OrganisationChanged message, ConsumeContext<OrganisationChanged> context) =>
        DepartmentDirectory.UpsertAsync(Db, message.OrganisationId, message.Type, message.NameEn, message.NameZh, message.Status, message.ChangedAt, context.CancellationToken);
}
