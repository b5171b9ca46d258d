using System.Diagnostics;
using System.Globalization;
using Marketplace.Testing;
using Xunit.Abstractions;

namespace Marketplace.SoakTests;

/// <summary>
/// A bounded soak of the distributed deployment: the six service hosts and the gateway as processes on PostgreSQL and RabbitMQ,
/// a steady paced load through the gateway only (<see cref="SoakSettings"/>), every host's RSS sampled throughout.
/// </summary>
public sealed class GatewaySoakTests(ITestOutputHelper output)
{
    [Fact]
    public async Task A_steady_load_through_the_gateway_for_minutes_gives_no_errors_and_flat_memory_in_every_host()
    {
        var settings = SoakSettings.FromEnvironment();
        await using var hosts = await DistributedHosts.StartAsync((host, environment) =>
        {
            if (host == DistributedHosts.Gateway)
            {
                // All the load comes from one address and three people: the per-IP and per-client limits (1,200 and 600 a
                // minute by default) would answer most of it with 429. Raised far above the load so they never trip.
                environment["Gateway__PermitsPerIpPerMinute"] = "1000000";
                environment["Gateway__PermitsPerClientPerMinute"] = "1000000";
            }
        });
        var gateway = hosts[DistributedHosts.Gateway];
        // A whole request (response and body) that takes longer than this counts as a timeout, an error.
        using var http = new HttpClient { BaseAddress = gateway.BaseAddress, Timeout = TimeSpan.FromSeconds(15) };
        var clock = Stopwatch.StartNew();
        var traffic = await SoakTraffic.PrepareAsync(gateway, http, clock);

        var log = new RequestLog();
        var calls = new GatewayCalls(http, log, clock);
        var machine = $"{Environment.ProcessorCount} cores, load average {LoadAverage()} at the start";
        clock.Restart();
        IReadOnlyList<RssSample> samples;
        await using (var sampler = RssSampler.Start(hosts.All, settings.SampleInterval, clock))
        {
            await PacedLoad.RunAsync(settings.RequestsPerSecond, settings.Duration, clock, slot => traffic.RunAsync(calls, slot));
            samples = await sampler.StopAsync();
        }
        var loadTime = clock.Elapsed;
        machine += $", {LoadAverage()} at the end.";

        var names = hosts.All.Select(h => h.Name).ToList();
        var report = SoakReport.Build(settings, names, samples, log.Records, loadTime, machine);
        var folder = SoakReport.Folder;
        report.Write(folder);
        output.WriteLine(report.Markdown);
        output.WriteLine($"RSS curve: {Path.Combine(folder, "rss.csv")}");

        var errors = log.Errors;
        Assert.True(errors.Count == 0, $"{errors.Count} of {log.Records.Count} requests failed; the first:\n"
            + string.Join('\n', errors.Take(20).Select(e => $"{e.At.TotalSeconds:0.0} s {e.Kind}: {e.Error}")));
        var gone = hosts.All.Where(h => h.Host.HasExited || samples.Any(s => s.Host == h.Name && s.Mb is null)).ToList();
        Assert.True(gone.Count == 0, string.Join("\n", gone.Select(h => $"{h.Name} exited during the soak:\n{h.Host.Output[^Math.Min(4000, h.Host.Output.Length)..]}")));
        var growing = report.Verdicts.Where(v => !v.Value.Flat).ToList();
        Assert.True(growing.Count == 0, "RSS grew after the warm-up: " + string.Join("; ", growing.Select(v =>
            string.Create(CultureInfo.InvariantCulture, $"{v.Key} {v.Value.EarlyMedianMb:0} → {v.Value.LateMedianMb:0} MB (allowed +{v.Value.AllowedGrowthMb:0})"))));

        await BusDeliveredEverythingAsync(hosts, traffic, calls);
    }

    /// <summary>Every write's events left its outbox and reached each consumer exactly once; nothing waits in an error queue.</summary>
    private static async Task BusDeliveredEverythingAsync(DistributedHosts hosts, SoakTraffic traffic, GatewayCalls calls)
    {
        var expected = new (string Service, string Consumer, int Count)[]
        {
            ("catalogue", "ScenarioPublishedAlertConsumer", traffic.PublishedScenarios),
            ("matching", "ScenarioPublishedConsumer", traffic.PublishedScenarios),
            ("funding", "ScenarioPublishedConsumer", traffic.PublishedScenarios),
            ("talent", "ScenarioPublishedConsumer", traffic.PublishedScenarios),
            ("opendata", "ScenarioPublishedConsumer", traffic.PublishedScenarios),
            ("opendata", "BatchPublishedConsumer", traffic.PublishedBatches),
            ("opendata", "ClarificationAnsweredConsumer", traffic.AnsweredQuestions),
            ("matching", "SolutionPublishedConsumer", traffic.PublishedSolutions),
        };
        foreach (var (service, consumer, count) in expected)
        {
            await Eventually.Until(() => hosts.Database(service).CountAsync($"SELECT count(*) FROM inbox_messages WHERE \"Consumer\" = '{consumer}'"),
                n => n == count, TimeSpan.FromSeconds(60), $"{count} messages applied by {service}'s {consumer}");
        }
        foreach (var service in DistributedHosts.Services)
        {
            await Eventually.Until(() => hosts.Database(service).CountAsync("SELECT count(*) FROM outbox_messages WHERE \"DispatchedAt\" IS NULL"),
                n => n == 0, TimeSpan.FromSeconds(60), $"{service}'s outbox to drain");
        }
        var open = await calls.GetAsync("vendor's open scenarios", "/api/matching/open-scenarios", traffic.VendorPerson);
        Assert.Equal(traffic.PublishedScenarios, SoakTraffic.TotalCount(open!));
        var errorQueues = (await hosts.VirtualHost.QueuesAsync()).Where(q => q.Key.EndsWith("_error", StringComparison.Ordinal) && q.Value > 0).ToList();
        Assert.True(errorQueues.Count == 0, string.Join(", ", errorQueues.Select(q => $"{q.Key}: {q.Value}")));
    }

    private static string LoadAverage() => File.ReadAllText("/proc/loadavg").Split(' ')[0];
}
