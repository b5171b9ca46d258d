using System.Security.Claims;
using Marketplace.ServiceDefaults.Auditing;
using Marketplace.ServiceDefaults.Auth;
using Marketplace.ServiceDefaults.Observability;
using Marketplace.Talent.Data;
using Marketplace.Talent.Domain;

namespace Marketplace.Talent.Api;

/// <summary>
/// Who may see a profile, and the audit of every read by someone other than its owner (in the
/// shared audit log, action <c>Read</c>), so a talent can learn who looked at their data.
/// </summary>
internal static class ProfileReads
{
    public const string ReadAction = "Read";

    /// <summary>Administrators; the Vendor members of the talent's employer; other vendors only with the talent's consent.</summary>
    public static bool MaySee(ClaimsPrincipal user, TalentProfile profile) =>
        user.TalentId() == profile.Id
        || user.IsInRole(Roles.Admin)
        || (user.IsInRole(Roles.Vendor) && user.OrganisationId() is { } org && (profile.EmployerOrganisationId == org || profile.ConsentToMatch));

    /// <summary>Records the reads (the caller's own profile is not recorded) and saves them.</summary>
    public static async Task AuditAsync(TalentDbContext db, ClaimsPrincipal user, IEnumerable<TalentProfile> profiles, string purpose, DateTimeOffset now, CancellationToken ct)
    {
        var actor = new AuditActor(user.UserId() ?? "unknown", user.Identity?.Name, user.OrganisationId());
        var me = user.TalentId();
        var any = false;
        foreach (var profile in profiles.Where(p => p.Id != me).DistinctBy(p => p.Id))
        {
            db.AuditLog.Add(new AuditEntry(now, actor, nameof(TalentProfile), profile.Id.ToString(), ReadAction,
                System.Text.Json.JsonSerializer.Serialize(new { purpose }), CorrelationId.Current));
            any = true;
        }
        if (any)
        {
            await db.SaveChangesAsync(ct);
        }
    }
}
