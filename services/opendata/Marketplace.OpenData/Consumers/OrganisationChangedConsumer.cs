using Marketplace.Contracts.Identity;
using Marketplace.OpenData.Data;
using Marketplace.OpenData.Domain;
using Marketplace.ServiceDefaults.Messaging;
using MassTransit;
using Microsoft.Extensions.Logging;

namespace Marketplace.OpenData.Consumers;

/// <summary>A renamed party is named anew in the releases that follow (published releases stay as they were).</summary>
public sealed class OrganisationChangedConsumer(OpenDataDbContext db, TimeProvider time, ILogger<OrganisationChangedConsumer> logger)
    : IdempotentConsumer<OrganisationChanged, OpenDataDbContext>(db, time, logger)
{
    protected override async Task HandleAsync(OrganisationChanged m, ConsumeContext<OrganisationChanged> context)
    {
        var organisation = await Db.Organisations.FindAsync([m.OrganisationId], context.CancellationToken);
        if (organisation is null)
        {
            organisation = new Organisation(m.OrganisationId);
            Db.Organisations.Add(organisation);
        }
        organisation.Apply(m.Type, m.NameEn, m.NameZh, m.SizeClass, null, m.ChangedAt);
    }
}
