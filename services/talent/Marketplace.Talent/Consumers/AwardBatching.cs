using Marketplace.ServiceDefaults.Data;
using MassTransit;

namespace Marketplace.Talent.Consumers;

/// <summary>
/// How ProjectAwarded is consumed: in batches of up to <see cref="TalentOptions.AwardBatchSize"/> awards, a partial
/// batch delivered <see cref="TalentOptions.AwardBatchWaitMs"/> after its first award (the funding service's shape,
/// measured in bench/results/talent.md). SQLite has one writer, so one batch at a time; PostgreSQL takes four at once.
/// The queue hands out as many messages as the batches in flight hold.
/// </summary>
internal static class AwardBatching
{
    public static int ConcurrentBatches(DatabaseProvider provider) => provider == DatabaseProvider.Sqlite ? 1 : 4;

    public static void Consumer(IConsumerConfigurator<ProjectAwardedConsumer> consumer, TalentOptions options, DatabaseProvider provider) =>
        consumer.Options<BatchOptions>(o => o
            .SetMessageLimit(options.AwardBatchSize)
            .SetTimeLimit(TimeSpan.FromMilliseconds(options.AwardBatchWaitMs))
            .SetConcurrencyLimit(ConcurrentBatches(provider)));

    public static void Endpoint(IEndpointRegistrationConfigurator endpoint, TalentOptions options, DatabaseProvider provider)
    {
        var inFlight = options.AwardBatchSize * ConcurrentBatches(provider);
        endpoint.PrefetchCount = inFlight;
        endpoint.ConcurrentMessageLimit = inFlight;
    }
}
