using System.Diagnostics;
using Marketplace.Contracts.Catalogue;
using Marketplace.Matching;
using Marketplace.Matching.Api;
using Marketplace.Matching.Data;
using Marketplace.Matching.Recommendations;
using Marketplace.ServiceDefaults.Hosting;
using Marketplace.ServiceDefaults.Messaging;
using MassTransit;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Marketplace.Bench.Matching;

/// <summary>
/// Hosts the real matching module (AddServiceDefaults, AddMatching, AddMessaging, as
/// services/matching/Marketplace.Matching.Host does) on a database holding the generated vendors,
/// publishes a burst of <see cref="ScenarioPublished"/> events through its bus as fast as it accepts them,
/// and measures when all are consumed and committed (the consumer's inbox rows), when the first
/// recommendation request sees them, and, where the module has strong-match notifications, when their
/// pass has caught up.
/// </summary>
internal sealed class BurstBenchmark(
    DemoText text, Options options, IReadOnlyList<string> modes, string postgres, string rabbitMq, string sqliteFolder, TextWriter progress)
{
    private static readonly TimeSpan _poll = TimeSpan.FromMilliseconds(20);
    private static readonly TimeSpan _timeout = TimeSpan.FromMinutes(10);

    /// <summary>How long the notified run waits, after the requests, for the strong-match pass to catch up.</summary>
    public static readonly TimeSpan NotificationsWait = TimeSpan.FromMinutes(5);

    public async Task<BurstConfiguration> RunAsync(string mode, CancellationToken ct)
    {
        var rabbit = mode.EndsWith("rabbitmq", StringComparison.Ordinal);
        var runs = new List<BurstRun>();
        var engine = "";
        var notifications = false;
        string provider = "";
        for (var r = 0; r < options.BurstRuns; r++)
        {
            await using BenchDatabase database = mode.StartsWith("postgres", StringComparison.Ordinal)
                ? new PostgresBenchDatabase(postgres, "burst")
                : new SqliteBenchDatabase(Path.Combine(sqliteFolder, "burst"));
            provider = database.Provider;
            var load = await DataLoader.LoadAsync(database, text, options.Seed, options.BurstVendors, [], progress, ct);
            engine = await database.EngineVersionAsync(ct);
            notifications = await database.HasTableAsync("vendor_notifications", ct)
                && await database.HasColumnAsync("open_scenarios", "MatchedRevision", ct);
            // Waiting for the strong-match pass takes minutes (it scores every vendor for every new scenario, a
            // timer apart), so only the first run of one mode waits for it, and only with --notifications true.
            runs.Add(await BurstAsync(database, load, rabbit, notifications,
                options.Notifications && notifications && r == 0 && mode == NotificationsMode(modes), ct));
            var last = runs[^1];
            progress.WriteLine($"{mode} run {r + 1}: {options.BurstEvents} events absorbed in {last.Absorbed.TotalSeconds:F2} s, "
                + $"seen by a request after {last.SeenByRequest.TotalSeconds:F2} s"
                + (last.NotificationsDone is { } done ? $", {last.Notifications} strong-match notifications after {done.TotalSeconds:F1} s"
                    : last.Notifications is { } some ? $", strong-match pass not caught up after {NotificationsWait.TotalMinutes} more minutes ({some} notifications)" : ""));
        }
        return new BurstConfiguration(mode, provider, rabbit ? "RabbitMQ" : "MassTransit in-memory", engine, options.BurstVendors, options.BurstEvents, notifications, runs);
    }

    /// <summary>The mode whose first run also waits for the strong-match notifications: the distributed one if it runs.</summary>
    public static string NotificationsMode(IReadOnlyList<string> modes) => modes.Contains("postgres-rabbitmq") ? "postgres-rabbitmq" : modes[^1];

    private async Task<BurstRun> BurstAsync(BenchDatabase database, LoadFacts load, bool rabbit, bool notifications, bool waitForNotifications, CancellationToken ct)
    {
        var settings = new Dictionary<string, string?>(database.HostSettings)
        {
            ["Database:MigrateOnStart"] = "true",
            ["Messaging:Transport"] = rabbit ? "RabbitMq" : "InMemory",
            ["Messaging:RabbitMqUri"] = rabbitMq,
            // Required outside the identity host; never contacted, since no HTTP request is authenticated here.
            ["Auth:Authority"] = "http://127.0.0.1:9/no-identity-here",
            ["Auth:RequireHttpsMetadata"] = "false",
            ["Logging:LogLevel:Default"] = "Warning",
        };
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions
        {
            EnvironmentName = Environments.Production,
            ContentRootPath = AppContext.BaseDirectory,
        });
        builder.Configuration.AddInMemoryCollection(settings);
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        // Host logs go to stderr with the progress lines, so stdout carries the report only.
        builder.Logging.ClearProviders();
        builder.Logging.AddConsole(o => o.LogToStandardErrorThreshold = LogLevel.Trace);
        builder.AddServiceDefaults(MatchingModule.Name);
        builder.AddMatching();
        builder.AddMessaging();
        await using var app = builder.Build();
        app.UseServiceDefaults();
        app.MapMatching();

        var clock = Stopwatch.StartNew();
        await app.StartAsync(ct);
        var hostStart = clock.Elapsed;
        try
        {
            var bus = app.Services.GetRequiredService<IBus>();
            var index = app.Services.GetRequiredService<RecommendationIndex>();
            // The same scenarios on every run; a run's own seed would change what is measured.
            var events = DataLoader.Scenarios(text, options.Seed + 2, options.BurstEvents + 1, app.Services.GetRequiredService<TimeProvider>().GetUtcNow());

            // Warm-up: one event through the whole path, and the snapshot of the vendors built by a first request.
            await bus.Publish(events[0], ct);
            await UntilAsync(async () => await ConsumedAsync(database, ct) >= 1, "the warm-up event", ct);
            clock.Restart();
            await RequestAsync(app.Services, index, events[0].ScenarioId, ct);
            var warmRequest = clock.Elapsed;
            var vendorRevisions = notifications && await database.HasColumnAsync("vendor_profiles", "MatchedRevision", ct);
            if (notifications)
            {
                // Let the strong-match pass finish what start-up gave it (the vendors' own revisions) before the burst.
                await UntilAsync(async () => await PendingMatchesAsync(database, vendorRevisions, ct) == 0, "the strong-match pass before the burst", ct);
            }
            var notifiedBefore = notifications ? await database.CountAsync("SELECT count(*) FROM vendor_notifications", ct) : 0;

            // The burst: every publish started at once, then awaited (the in-memory transport accepts each into
            // its queue, RabbitMQ confirms each); consumption starts while publishing goes on.
            var burst = events.Skip(1).ToList();
            clock.Restart();
            await Task.WhenAll(burst.Select(e => bus.Publish(e, ct)));
            var publish = clock.Elapsed;
            await UntilAsync(async () => await ConsumedAsync(database, ct) >= burst.Count + 1, "the burst", ct);
            var absorbed = clock.Elapsed;

            // The first request afterwards finds a changed inbox and rebuilds the snapshot (unless the strong-match
            // pass has just done so); it must see the last scenario of the burst.
            var requestStarted = clock.Elapsed;
            var resultSize = await RequestAsync(app.Services, index, burst[^1].ScenarioId, ct);
            var seen = clock.Elapsed;
            var firstRequest = seen - requestStarted;
            await using (var scope = app.Services.CreateAsyncScope())
            {
                var snapshotNow = await index.CurrentAsync(scope.ServiceProvider.GetRequiredService<MatchingDbContext>(), ct);
                if (snapshotNow.Scenarios.Count < burst.Count + 1)
                {
                    throw new InvalidOperationException($"The snapshot holds {snapshotNow.Scenarios.Count} open scenarios, expected {burst.Count + 1}.");
                }
            }
            var second = Stopwatch.StartNew();
            await RequestAsync(app.Services, index, burst[^2].ScenarioId, ct);
            var secondRequest = second.Elapsed;
            var snapshotScenarios = burst.Count + 1;

            TimeSpan? notificationsDone = null;
            long? notified = null;
            if (waitForNotifications)
            {
                var waited = Stopwatch.StartNew();
                while (await PendingMatchesAsync(database, vendorRevisions, ct) > 0 && waited.Elapsed < NotificationsWait)
                {
                    await Task.Delay(_poll, ct);
                }
                notificationsDone = waited.Elapsed < NotificationsWait ? clock.Elapsed : null;
                notified = await database.CountAsync("SELECT count(*) FROM vendor_notifications", ct) - notifiedBefore;
            }
            return new BurstRun(load, hostStart, warmRequest, publish, absorbed, firstRequest, seen, secondRequest, snapshotScenarios, resultSize,
                notificationsDone, notified);
        }
        finally
        {
            await app.StopAsync(CancellationToken.None);
        }
    }

    /// <summary>A recommendation request as the endpoint runs it (an administrator, a scoped context, the module's index); returns how many vendors it ranked.</summary>
    private static async Task<int> RequestAsync(IServiceProvider services, RecommendationIndex index, Guid scenarioId, CancellationToken ct)
    {
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<MatchingDbContext>();
        var result = await RecommendationsApi.VendorsAsync(scenarioId, RankingBenchmark.Top, RankingBenchmark.Administrator, db, index, ct);
        return result.Result is Ok<IReadOnlyList<VendorRecommendation>> ok
            ? ok.Value!.Count
            : throw new InvalidOperationException($"The recommendation request for {scenarioId} was refused: {result.Result}");
    }

    /// <summary>ScenarioPublished events the matching consumer has applied and committed (one inbox row each).</summary>
    private static Task<long> ConsumedAsync(BenchDatabase database, CancellationToken ct) =>
        database.CountAsync($"SELECT count(*) FROM inbox_messages WHERE \"Consumer\" = '{nameof(Marketplace.Matching.Consumers.ScenarioPublishedConsumer)}'", ct);

    /// <summary>Scenarios and vendors whose changes the strong-match pass has not looked at yet.</summary>
    private static async Task<long> PendingMatchesAsync(BenchDatabase database, bool vendorRevisions, CancellationToken ct)
    {
        var pending = await database.CountAsync("SELECT count(*) FROM open_scenarios WHERE \"MatchRevision\" > \"MatchedRevision\"", ct);
        return vendorRevisions
            ? pending + await database.CountAsync("SELECT count(*) FROM vendor_profiles WHERE \"MatchRevision\" > \"MatchedRevision\"", ct)
            : pending;
    }

    private static async Task UntilAsync(Func<Task<bool>> condition, string what, CancellationToken ct)
    {
        var waited = Stopwatch.StartNew();
        while (!await condition())
        {
            if (waited.Elapsed > _timeout)
            {
                throw new TimeoutException($"Waited {_timeout.TotalMinutes} minutes for {what}.");
            }
            await Task.Delay(_poll, ct);
        }
    }
}
