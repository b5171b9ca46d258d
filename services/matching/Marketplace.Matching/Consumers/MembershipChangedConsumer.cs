using Marketplace.Contracts.Identity;
using Marketplace.Matching.Data;
using Marketplace.Matching.Domain;
using Marketplace.ServiceDefaults.Messaging;
using MassTransit;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace Marketplace.Matching.Consumers;

/// <summary>Keeps who belongs to which organisation with which roles: evaluators must be officers of the scenario's department.</summary>
public sealed class MembershipChangedConsumer(MatchingDbContext db, TimeProvider time, ILogger<MembershipChangedConsumer> logger)
    : IdempotentConsumer<MembershipChanged, MatchingDbContext>(db, time, logger)
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
