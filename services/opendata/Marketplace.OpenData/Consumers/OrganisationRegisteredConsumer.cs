using Marketplace.Contracts.Identity;
using Marketplace.OpenData.Data;
using Marketplace.OpenData.Domain;
using Marketplace.ServiceDefaults.Messaging;
using MassTransit;
using Microsoft.Extensions.Logging;

namespace Marketplace.OpenData.Consumers;

/// <summary>A party's names and business registration number, for the releases that name it.</summary>
public sealed class OrganisationRegisteredConsumer(OpenDataDbContext db, TimeProvider time, ILogger<OrganisationRegisteredConsumer> logger)
    : IdempotentConsumer<OrganisationRegistered, OpenDataDbContext>(db, time, logger)
{
    protected override async Task HandleAsync(OrganisationRegistered m, ConsumeContext<OrganisationRegistered> context)
    {
        var organisation = await Db.Organisations.FindAsync([m.OrganisationId], context.CancellationToken);
        if (organisation is null)
        {
            organisation = new Organisation(m.OrganisationId);
            Db.Organisations.Add(organisation);
        }
        organisation.Apply(m.Type, m.NameEn, m.NameZh, m.SizeClass, m.BusinessRegistrationNumber, m.RegisteredAt);
    }
}
