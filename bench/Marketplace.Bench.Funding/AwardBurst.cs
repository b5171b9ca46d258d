using System.Diagnostics;
using Marketplace.Contracts.Matching;
using Marketplace.Funding;
using Marketplace.Funding.Data;
using Marketplace.Funding.Domain;
using Marketplace.ServiceDefaults.Hosting;
using Marketplace.ServiceDefaults.Messaging;
using MassTransit;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Marketplace.Bench.Funding;

/// <summary>One award's way: when it was published and when its application was written (both on this process's clock).</summary>
internal sealed record AwardTiming(Guid ProjectId, TimeSpan Published, TimeSpan Opened);

/// <summary>
/// Hosts the real funding module (AddServiceDefaults, AddFunding, AddMessaging, as
/// Marketplace.Funding.Host does), gives it a scheme and the scenarios the awards are for (as its
/// consumers would have stored them), publishes N ProjectAwarded through its bus at a set rate and
/// measures, per award, the time from its publish to its application's creation in the consumer.
/// </summary>
internal sealed class AwardBurst(Dictionary<string, string?> settings, int awards, int ratePerSecond, TextWriter progress)
{
    private static readonly TimeSpan s_timeout = TimeSpan.FromMinutes(10);

    public async Task<(IReadOnlyList<AwardTiming> Timings, TimeSpan AllCommitted)> RunAsync(CancellationToken ct)
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { EnvironmentName = Environments.Production, ContentRootPath = AppContext.BaseDirectory });
        builder.Configuration.AddInMemoryCollection(settings);
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        builder.Logging.AddConsole(o => o.LogToStandardErrorThreshold = LogLevel.Trace);
        builder.AddServiceDefaults(FundingModule.Name);
        builder.AddFunding();
        builder.AddMessaging();
        await using var app = builder.Build();
        app.UseServiceDefaults();
        app.MapFunding();
        await app.StartAsync(ct);
        try
        {
            var time = app.Services.GetRequiredService<TimeProvider>();
            var scenarios = Enumerable.Range(0, awards + 1).Select(_ => Guid.NewGuid()).ToList();
            await using (var scope = app.Services.CreateAsyncScope())
            {
                var db = scope.ServiceProvider.GetRequiredService<FundingDbContext>();
                db.Schemes.Add(new Scheme(Guid.NewGuid(), Guid.NewGuid(), SchemeCatalogue.HongKong(time.GetUtcNow().AddDays(-1)).Single(s => s.Code == "PSTS")));
                foreach (var id in scenarios)
                {
                    var scenario = new ScenarioFacts(id);
                    scenario.Published(Guid.NewGuid(), "Kerbside loading demand forecasting", "路邊上落貨需求預測", "logistics", ["PSTS"], time.GetUtcNow().AddDays(-30));
                    db.Scenarios.Add(scenario);
                }
                await db.SaveChangesAsync(ct);
            }
            var bus = app.Services.GetRequiredService<IBus>();
            ProjectAwarded Award(Guid scenario) => new(Guid.NewGuid(), scenario, Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid(), "Forecasting service", 2_800_000m, 12, [],
                time.GetUtcNow(), time.GetUtcNow().AddDays(10));

            // Warm-up: one award through the whole path.
            await bus.Publish(Award(scenarios[0]), ct);
            await UntilAsync(app.Services, 1, ct);

            var clock = Stopwatch.StartNew();
            var epoch = time.GetUtcNow();
            var published = new Dictionary<Guid, TimeSpan>();
            var sends = new List<Task>();
            for (var i = 1; i <= awards; i++)
            {
                if (ratePerSecond > 0)
                {
                    // Paced: award i leaves at i / rate seconds.
                    var due = TimeSpan.FromSeconds((i - 1) / (double)ratePerSecond);
                    if (due > clock.Elapsed)
                    {
                        await Task.Delay(due - clock.Elapsed, ct);
                    }
                }
                var award = Award(scenarios[i]);
                published[award.ProjectId] = time.GetUtcNow() - epoch;
                sends.Add(bus.Publish(award, ct));
            }
            await Task.WhenAll(sends);
            await UntilAsync(app.Services, awards + 1, ct);
            var all = clock.Elapsed;
            await using var read = app.Services.CreateAsyncScope();
            var opened = await read.ServiceProvider.GetRequiredService<FundingDbContext>().Applications.AsNoTracking()
                .Select(a => new { a.ProjectId, a.CreatedAt }).ToListAsync(ct);
            var timings = opened.Where(o => published.ContainsKey(o.ProjectId!.Value))
                .Select(o => new AwardTiming(o.ProjectId!.Value, published[o.ProjectId!.Value], o.CreatedAt - epoch)).ToList();
            if (timings.Count != awards)
            {
                throw new InvalidOperationException($"{timings.Count} applications for {awards} awards.");
            }
            progress.WriteLine($"  {awards} awards at {(ratePerSecond > 0 ? $"{ratePerSecond}/s" : "once")}: all applications committed after {all.TotalSeconds:F2} s");
            return (timings, all);
        }
        finally
        {
            await app.StopAsync(CancellationToken.None);
        }
    }

    private static async Task UntilAsync(IServiceProvider services, int count, CancellationToken ct)
    {
        var waited = Stopwatch.StartNew();
        while (true)
        {
            await using var scope = services.CreateAsyncScope();
            if (await scope.ServiceProvider.GetRequiredService<FundingDbContext>().Applications.CountAsync(ct) >= count)
            {
                return;
            }
            if (waited.Elapsed > s_timeout)
            {
                throw new TimeoutException($"Waited {s_timeout.TotalMinutes} minutes for {count} applications.");
            }
            await Task.Delay(20, ct);
        }
    }
}
