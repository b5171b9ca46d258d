using Marketplace.Contracts.Identity;
using Marketplace.Funding.Data;
using Marketplace.Funding.Domain;
using Marketplace.ServiceDefaults.Messaging;
using MassTransit;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace Marketplace.Funding.Consumers;

/// <summary>Keeps who belongs to which funding body with which roles: assessors must be its funding officers or assessors.</summary>
public sealed class MembershipChangedConsumer(FundingDbContext db, TimeProvider time, ILogger<MembershipChangedConsumer> logger)
    : IdempotentConsumer<MembershipChanged, FundingDbContext>(db, time, logger)
{
    protected override async Task HandleAsync(MembershipChanged message, ConsumeContext<MembershipChanged> context)
    {
        var member = await Db.OrganisationMembers.FirstOrDefaultAsync(m => m.UserId == message.UserId, context.CancellationToken);
        if (member is null)
        {
            member = new OrganisationMember(message.UserId);
            Db.OrganisationMembers.Add(member);
        }
        member.Apply(message);
    }
}
