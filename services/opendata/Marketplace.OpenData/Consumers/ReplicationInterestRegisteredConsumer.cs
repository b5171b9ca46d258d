using Marketplace.Contracts.Catalogue;
using Marketplace.OpenData.Data;
using Marketplace.OpenData.Domain;
using Marketplace.ServiceDefaults.Messaging;
using MassTransit;
using Microsoft.Extensions.Logging;

namespace Marketplace.OpenData.Consumers;

/// <summary>Interest in replicating a success case is counted by sector; the interested organisation and its note are not kept.</summary>
public sealed class ReplicationInterestRegisteredConsumer(OpenDataDbContext db, TimeProvider time, ILogger<ReplicationInterestRegisteredConsumer> logger)
    : IdempotentConsumer<ReplicationInterestRegistered, OpenDataDbContext>(db, time, logger)
{
    protected override async Task HandleAsync(ReplicationInterestRegistered m, ConsumeContext<ReplicationInterestRegistered> context)
    {
        if (await Db.ReplicationInterests.FindAsync([m.InterestId], context.CancellationToken) is null)
        {
            Db.ReplicationInterests.Add(new ReplicationInterestFact(m.InterestId, m.SuccessCaseId, m.Sector, m.RegisteredAt));
        }
    }
}
