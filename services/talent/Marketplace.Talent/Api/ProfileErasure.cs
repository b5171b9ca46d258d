using Marketplace.Contracts.Talent;
using Marketplace.ServiceDefaults.Data;
using Marketplace.Talent.Data;
using Marketplace.Talent.Domain;
using Microsoft.EntityFrameworkCore;

namespace Marketplace.Talent.Api;

/// <summary>
/// A talent's right to erasure: the profile row goes; roles held, invitations and enrolments keep
/// their history under one fresh anonymous placeholder id (so a vendor's staffing record and its
/// subsidy cap stay true); the audit log keeps what happened but no longer who: the talent's id and
/// name become the placeholder wherever they stand. One transaction, so nothing is half erased.
/// </summary>
internal static class ProfileErasure
{
    public const string ErasedName = "(erased)";

    public static Task EraseAsync(TalentDbContext db, TalentProfile profile, DateTimeOffset now, CancellationToken ct)
    {
        var id = profile.Id;
        var placeholder = Guid.NewGuid();
        var (idText, placeholderText) = (id.ToString(), placeholder.ToString());
        return db.InTransactionAsync(async token =>
        {
            var current = await db.Profiles.FirstAsync(p => p.Id == id, token);
            db.Profiles.Remove(current);
            // The consent history is the person's own: it goes with the profile.
            db.ConsentChanges.RemoveRange(await db.ConsentChanges.Where(c => c.ProfileId == id).ToListAsync(token));
            foreach (var requirement in await db.Requirements.Where(r => r.TalentId == id).ToListAsync(token))
            {
                requirement.Anonymise(placeholder);
            }
            foreach (var invitation in await db.Invitations.Where(i => i.TalentId == id).ToListAsync(token))
            {
                invitation.Anonymise(placeholder);
            }
            foreach (var enrolment in await db.Enrolments.Where(e => e.TalentId == id).ToListAsync(token))
            {
                enrolment.Anonymise(placeholder);
            }
            db.AddEvent(new TalentProfileErased(id, now), now);
            await db.SaveChangesAsync(token);
            // After the save, so the entries this erasure itself just wrote are rewritten too.
            await db.AuditLog.Where(a => a.UserId == idText)
                .ExecuteUpdateAsync(s => s.SetProperty(a => a.UserId, placeholderText).SetProperty(a => a.UserName, ErasedName), token);
            await db.AuditLog.Where(a => a.EntityType == nameof(TalentProfile) && a.EntityId == idText)
                .ExecuteUpdateAsync(s => s.SetProperty(a => a.EntityId, placeholderText), token);
            await db.AuditLog.Where(a => a.Changes.Contains(idText))
                .ExecuteUpdateAsync(s => s.SetProperty(a => a.Changes, a => a.Changes.Replace(idText, placeholderText)), token);
            return (true, true);
        }, ct);
    }
}
