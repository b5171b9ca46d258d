using Marketplace.Catalogue.Data;
using Marketplace.Catalogue.Domain;
using Microsoft.EntityFrameworkCore;

namespace Marketplace.Catalogue.Alerts;

/// <summary>
/// Turns a published or amended scenario into notifications for the owners of the saved searches it
/// matches: at once for Instant, queued for the digest for Daily; never for a muted scenario or for
/// a scenario the person cannot see.
/// </summary>
public static class SavedSearchAlerts
{
    public static async Task<int> NotifyAsync(CatalogueDbContext db, Guid scenarioId, NotificationKind kind, int? amendmentNumber, DateTimeOffset now, CancellationToken ct)
    {
        var scenario = await db.Scenarios.AsNoTracking().FirstOrDefaultAsync(s => s.Id == scenarioId, ct);
        if (scenario is null || scenario.Status != ScenarioStatus.Published)
        {
            return 0;
        }
        // The cheap filters narrow the candidates in SQL; text and the rest are checked in memory with the search's own rules.
        var candidates = await db.SavedSearches.AsNoTracking()
            .Where(s => s.Frequency != AlertFrequency.Off
                && (s.Area == null || s.Area == scenario.Area)
                && (s.Sector == null || s.Sector == scenario.Sector))
            .ToListAsync(ct);
        var muted = await db.ScenarioMutes.AsNoTracking().Where(m => m.ScenarioId == scenarioId).Select(m => m.UserId).ToListAsync(ct);
        var created = 0;
        foreach (var search in candidates.Where(s => !muted.Contains(s.UserId) && s.Matches(scenario)))
        {
            var (titleEn, titleZh) = kind == NotificationKind.ScenarioAmended
                ? ($"Amended (No. {amendmentNumber}): {scenario.TitleEn}", $"已修訂（第 {amendmentNumber} 次）：{scenario.TitleZh}")
                : ($"New scenario: {scenario.TitleEn}", $"新情境：{scenario.TitleZh}");
            var bodyEn = $"It matches your saved search \"{search.Name}\". Proposals close {scenario.ProposalDeadline:yyyy-MM-dd HH:mm} UTC.";
            var bodyZh = $"此情境符合你的已儲存搜尋「{search.Name}」。建議書截止時間為 {scenario.ProposalDeadline:yyyy-MM-dd HH:mm}（協調世界時）。";
            db.Notifications.Add(Notification.Create(search.UserId, kind, search.Id, scenario.Id, titleEn, titleZh, bodyEn, bodyZh, now,
                digestPending: search.Frequency == AlertFrequency.Daily));
            created++;
        }
        return created;
    }
}
