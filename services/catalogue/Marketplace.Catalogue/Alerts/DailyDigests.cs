using System.Text;
using Marketplace.Catalogue.Data;
using Marketplace.Catalogue.Domain;
using Marketplace.ServiceDefaults.Hosting;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Marketplace.Catalogue.Alerts;

/// <summary>
/// Once a day per saved search: the matches queued since the last digest become one inbox entry
/// listing them. Durable like the deadlines: what is due is read from the data on every round.
/// </summary>
public sealed partial class DailyDigests(IServiceScopeFactory scopes, TimeProvider time, ILogger<DailyDigests> logger)
{
    public static readonly TimeSpan Interval = TimeSpan.FromDays(1);

    public async Task<int> SendDueAsync(CancellationToken ct)
    {
        var now = time.GetUtcNow();
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<CatalogueDbContext>();
        var pendingSearches = await db.Notifications.Where(n => n.DigestPending).Select(n => n.SavedSearchId).Distinct().ToListAsync(ct);
        var sent = 0;
        foreach (var searchId in pendingSearches.OfType<Guid>())
        {
            var search = await db.SavedSearches.FirstOrDefaultAsync(s => s.Id == searchId, ct);
            if (search is null || (search.LastDigestAt is { } last && now - last < Interval))
            {
                continue;
            }
            var items = await db.Notifications.Where(n => n.DigestPending && n.SavedSearchId == searchId).OrderBy(n => n.CreatedAt).ToListAsync(ct);
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

/// <summary>Runs <see cref="DailyDigests"/> on start-up and then hourly (each saved search gets at most one digest a day).</summary>
public sealed class DailyDigestService(DailyDigests digests, ILogger<DailyDigestService> logger)
    : PeriodicWorkService(TimeSpan.FromHours(1), logger)
{
    protected override string Work => "Sending daily digests";

    protected override Task RunOnceAsync(CancellationToken ct) => digests.SendDueAsync(ct);
}
