using System.Diagnostics;
using Marketplace.Contracts.Matching;
using Marketplace.ServiceDefaults.Hosting;
using Marketplace.ServiceDefaults.Messaging;
using Marketplace.Talent;
using Marketplace.Talent.Data;
using MassTransit;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Marketplace.Bench.Talent;

/// <summary>One award's way: when it was published and when its staffing requirements were written (both on this process's clock).</summary>
internal sealed record AwardTiming(Guid ProjectId, TimeSpan Published, TimeSpan Staffed);

/// <summary>
/// Hosts the real talent module (AddServiceDefaults, AddTalent, AddMessaging, as
/// Marketplace.Talent.Host does), publishes N ProjectAwarded with three team roles each (two
/// skills the taxonomy maps, one it does not) through its bus at a set rate and measures, per
/// award, the time from its publish to its requirements' creation in the consumer.
/// </summary>
internal sealed class AwardBurst(Dictionary<string, string?> settings, int awards, int ratePerSecond, TextWriter progress)
{
    private const int RolesPerAward = 3;
    private static readonly TimeSpan s_timeout = TimeSpan.FromMinutes(10);

    public async Task<(IReadOnlyList<AwardTiming> Timings, TimeSpan AllCommitted)> RunAsync(CancellationToken ct)
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { EnvironmentName = Environments.Production, ContentRootPath = AppContext.BaseDirectory });
        builder.Configuration.AddInMemoryCollection(settings);
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        builder.Logging.AddConsole(o => o.LogToStandardErrorThreshold = LogLevel.Trace);
        builder.AddServiceDefaults(TalentModule.Name);
        builder.AddTalent();
        builder.AddMessaging();
        await using var app = builder.Build();
        app.UseServiceDefaults();
        app.MapTalent();
        await app.StartAsync(ct);
        try
        {
            var time = app.Services.GetRequiredService<TimeProvider>();
            var bus = app.Services.GetRequiredService<IBus>();
            ProjectAwarded Award() => new(Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid(), "Forecasting service", 2_800_000m, 12,
                [new TeamRole("Forecasting", "Senior", null), new TeamRole("ML Ops", "Mid", null), new TeamRole("Kerbside survey design", "Junior", null)],
                time.GetUtcNow(), time.GetUtcNow().AddDays(10));

            // Warm-up: one award through the whole path.
            await bus.Publish(Award(), ct);
            await UntilAsync(app.Services, RolesPerAward, ct);

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
                var award = Award();
                published[award.ProjectId] = time.GetUtcNow() - epoch;
                sends.Add(bus.Publish(award, ct));
            }
            await Task.WhenAll(sends);
            await UntilAsync(app.Services, (awards + 1) * RolesPerAward, ct);
            var all = clock.Elapsed;
            await using var read = app.Services.CreateAsyncScope();
            var staffed = await read.ServiceProvider.GetRequiredService<TalentDbContext>().Requirements.AsNoTracking()
                .Where(r => r.Position == 0).Select(r => new { r.ProjectId, r.CreatedAt }).ToListAsync(ct);
            var timings = staffed.Where(s => published.ContainsKey(s.ProjectId))
                .Select(s => new AwardTiming(s.ProjectId, published[s.ProjectId], s.CreatedAt - epoch)).ToList();
            if (timings.Count != awards)
            {
                throw new InvalidOperationException($"{timings.Count} staffed projects for {awards} awards.");
            }
            progress.WriteLine($"  {awards} awards at {(ratePerSecond > 0 ? $"{ratePerSecond}/s" : "once")}: all requirements committed after {all.TotalSeconds:F2} s");
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
            if (await scope.ServiceProvider.GetRequiredService<TalentDbContext>().Requirements.CountAsync(ct) >= count)
            {
                return;
            }
            if (waited.Elapsed > s_timeout)
            {
                throw new TimeoutException($"Waited {s_timeout.TotalMinutes} minutes for {count} requirements.");
            }
            await Task.Delay(20, ct);
        }
    }
}
