using System.Text;
using Marketplace.Catalogue.Data;
using Marketplace.Catalogue.Domain;
using Marketplace.ServiceDefaults.Hosting;
using Marketplace.ServiceDefaults.Localization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Marketplace.Catalogue.Alerts;

/// <summary>
/// Once a day per saved search, at the configured Hong Kong time of day
/// (<see cref="CatalogueOptions.DigestHourHongKong"/>): the matches queued since the last digest
/// become one inbox entry listing them. Durable like the deadlines: what is due is read from the
/// data on every round, so a service that was down at the hour sends the day's digest when it starts.
/// </summary>
public sealed partial class DailyDigests(IServiceScopeFactory scopes, TimeProvider time, CatalogueOptions options, ILogger<DailyDigests> logger)
{
    /// <summary>The most recent digest time at or before <paramref name="now"/>: today's hour in Hong Kong, or yesterday's before it.</summary>
    public static DateTimeOffset LatestDigestTime(DateTimeOffset now, int hourHongKong)
    {
        var local = now.ToOffset(HongKongTime.Offset);
        var today = new DateTimeOffset(local.Year, local.Month, local.Day, hourHongKong, 0, 0, HongKongTime.Offset);
        return today <= now ? today : today.AddDays(-1);
    }

    public async Task<int> SendDueAsync(CancellationToken ct)
    {
        var now = time.GetUtcNow();
        var due = LatestDigestTime(now, options.DigestHourHongKong);
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<CatalogueDbContext>();
        var pendingSearches = await db.Notifications.Where(n => n.DigestPending).Select(n => n.SavedSearchId).Distinct().ToListAsync(ct);
        var sent = 0;
        foreach (var searchId in pendingSearches.OfType<Guid>())
        {
            var search = await db.SavedSearches.FirstOrDefaultAsync(s => s.Id == searchId, ct);
            var items = await db.Notifications.Where(n => n.DigestPending && n.SavedSearchId == searchId).OrderBy(n => n.CreatedAt).ToListAsync(ct);
            // Matches queued after the latest digest time wait for the next one, also for a search that never had a digest.
            if (search is null || items.Count == 0 || (search.LastDigestAt ?? items[0].CreatedAt) >= due)
            {
                continue;
            }
            var en = new StringBuilder();
            var zh = new StringBuilder();
            foreach (var item in items)
            {
                en.Append("• ").AppendLine(item.TitleEn);
                zh.Append("• ").AppendLine(item.TitleZh);
            }
            db.Notifications.Add(Notification.Create(search.UserId, NotificationKind.DailyDigest, search.Id, null,
                $"{items.Count} update(s) for \"{search.Name}\"", $"「{search.Name}」有 {items.Count} 項更新", en.ToString().TrimEnd(), zh.ToString().TrimEnd(), now));
            db.Notifications.RemoveRange(items);
            search.DigestSent(now);
            await db.SaveChangesAsync(ct);
            sent++;
        }
        if (sent > 0)
        {
            LogSent(logger, sent);
        }
        return sent;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Sent {Count} daily digest(s)")]
    private static partial void LogSent(ILogger logger, int count);
}

/// <summary>Runs <see cref="DailyDigests"/> on start-up and then every few minutes, so a digest goes out soon after its hour (each saved search gets at most one a day).</summary>
public sealed class DailyDigestService(DailyDigests digests, ILogger<DailyDigestService> logger)
    : PeriodicWorkService(TimeSpan.FromMinutes(5), logger)
{
    protected override string Work => "Sending daily digests";

    protected override Task RunOnceAsync(CancellationToken ct) => digests.SendDueAsync(ct);
}
