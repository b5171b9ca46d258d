using Marketplace.ServiceDefaults.Data;
using MassTransit;

namespace Marketplace.Funding.Consumers;

/// <summary>
/// How ProjectAwarded is consumed: in batches of up to <see cref="FundingOptions.AwardBatchSize"/>
/// awards, a partial batch delivered <see cref="FundingOptions.AwardBatchWaitMs"/> after its first
/// award. SQLite has one writer, so one batch at a time (concurrent ones would only wait on its lock);
/// PostgreSQL takes four at once (more only slowed each batch down on two busy cores). The queue hands out as many messages as the batches in flight hold.
/// </summary>
internal static class AwardBatching
{
    public static int ConcurrentBatches(DatabaseProvider provider) => provider == DatabaseProvider.Sqlite ? 1 : 4;

    public static void Consumer(IConsumerConfigurator<ProjectAwardedConsumer> consumer, FundingOptions options, DatabaseProvider provider) =>
        consumer.Options<BatchOptions>(o => o
            .SetMessageLimit(options.AwardBatchSize)
            .SetTimeLimit(TimeSpan.FromMilliseconds(options.AwardBatchWaitMs))
            .SetConcurrencyLimit(ConcurrentBatches(provider)));

    public static void Endpoint(IEndpointRegistrationConfigurator endpoint, FundingOptions options, DatabaseProvider provider)
    {
        var inFlight = options.AwardBatchSize * ConcurrentBatches(provider);
        endpoint.PrefetchCount = inFlight;
        endpoint.ConcurrentMessageLimit = inFlight;
    }
}
