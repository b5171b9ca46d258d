using Marketplace.Catalogue.Data;
using Marketplace.Contracts.Catalogue;
using Marketplace.ServiceDefaults.Messaging;
using Marketplace.Testing;
using MassTransit;
using Xunit.Abstractions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting.Internal;
using Microsoft.Extensions.Logging.Abstractions;

namespace Marketplace.IntegrationTests.Messaging;

/// <summary>Two replicas of one service dispatching the same PostgreSQL outbox (ADR 0026).</summary>
public sealed class OutboxReplicaTests(ITestOutputHelper output)
{
    private const int Rows = 1_000;

    [Fact]
    public async Task Two_dispatchers_on_one_database_publish_every_row_exactly_once_and_in_order()
    {
        await using var database = PostgresDatabase.Reserve("outbox");
        await using var first = Replica(database);
        await using var second = Replica(database);
        await using (var scope = first.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<CatalogueDbContext>();
            await db.Database.MigrateAsync();
            var now = DateTimeOffset.UtcNow;
            db.OutboxMessages.AddRange(Enumerable.Range(0, Rows).Select(i => OutboxMessage.From(new ScenarioPublished(Guid.NewGuid(), Guid.NewGuid(), null,
                $"Scenario {i}", "情境", "Problem", "問題", "Living", "healthcare", ["forecasting"], 100_000m, 200_000m, "HongKongOnly", ["PSTS"],
                now.AddDays(30), now), now)));
            await db.SaveChangesAsync();
        }
        var firstBus = RecordingBus.Create("first");
        var secondBus = RecordingBus.Create("second", RecordingBus.Of(firstBus));
        var dispatchers = new[] { Dispatcher(first, firstBus), Dispatcher(second, secondBus) };

        // Both replicas poll as fast as they can until the outbox is empty (bounded: a hang fails the test).
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        await Task.WhenAll(dispatchers.Select(d => Task.Run(async () =>
        {
            while (await PendingAsync(first) > 0)
            {
                await d.DispatchPendingAsync(timeout.Token);
            }
        }, timeout.Token)));

        var published = RecordingBus.Of(firstBus).Published;
        var sequences = await SequencesAsync(first);
        var order = published.Select(p => sequences[((ScenarioPublished)p.Message).ScenarioId]).ToList();
        output.WriteLine($"first replica published {published.Count(p => p.Publisher == "first")}, second {published.Count(p => p.Publisher == "second")}");
        Assert.Equal(Rows, published.Count);
        Assert.Equal(Rows, order.Distinct().Count());
        Assert.Equal(order.Order(), order);
        Assert.Equal(0, await PendingAsync(first));
    }

    private static ServiceProvider Replica(PostgresDatabase database)
    {
        var services = new ServiceCollection();
        services.AddDbContext<CatalogueDbContext, PostgresCatalogueDbContext>(o => o.UseNpgsql(database.ConnectionString, n => n.EnableRetryOnFailure(3)));
        return services.BuildServiceProvider();
    }

    private static OutboxDispatcher<CatalogueDbContext> Dispatcher(ServiceProvider replica, IBus bus) => new(
        replica.GetRequiredService<IServiceScopeFactory>(), bus, new OutboxSignal(),
        // Small batches: many claims, so the replicas often scan at the same moment.
        new OutboxOptions { BatchSize = 10 }, TimeProvider.System,
        new ApplicationLifetime(NullLogger<ApplicationLifetime>.Instance), NullLogger<OutboxDispatcher<CatalogueDbContext>>.Instance);

    private static async Task<int> PendingAsync(ServiceProvider replica)
    {
        await using var scope = replica.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<CatalogueDbContext>().OutboxMessages.CountAsync(m => m.DispatchedAt == null);
    }

    private static async Task<Dictionary<Guid, long>> SequencesAsync(ServiceProvider replica)
    {
        await using var scope = replica.CreateAsyncScope();
        var rows = await scope.ServiceProvider.GetRequiredService<CatalogueDbContext>().OutboxMessages.ToListAsync();
        return rows.ToDictionary(r => ((ScenarioPublished)r.Deserialize(typeof(ScenarioPublished))).ScenarioId, r => r.Sequence);
    }
}
