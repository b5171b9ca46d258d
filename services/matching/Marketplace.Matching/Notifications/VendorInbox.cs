using Marketplace.Matching.Data;
using Marketplace.Matching.Domain;
using Microsoft.EntityFrameworkCore;

namespace Marketplace.Matching.Notifications;

/// <summary>Adds vendor notifications once each: a key the vendor already has is skipped (the unique index is the backstop).</summary>
public static class VendorInbox
{
    public static async Task<int> AddAsync(MatchingDbContext db, IEnumerable<VendorNotification> notifications, CancellationToken ct)
    {
        var candidates = notifications.DistinctBy(n => (n.VendorId, n.Key)).ToList();
        if (candidates.Count == 0)
        {
            return 0;
        }
        var keys = candidates.Select(n => n.Key).Distinct(StringComparer.Ordinal).ToList();
        var existing = new HashSet<(Guid, string)>();
        foreach (var chunk in keys.Chunk(500))
        {
            var found = await db.VendorNotifications.AsNoTracking().Where(n => chunk.Contains(n.Key)).Select(n => new { n.VendorId, n.Key }).ToListAsync(ct);
            existing.UnionWith(found.Select(f => (f.VendorId, f.Key)));
        }
        var fresh = candidates.Where(n => !existing.Contains((n.VendorId, n.Key))).ToList();
        db.VendorNotifications.AddRange(fresh);
        return fresh.Count;
    }
}
