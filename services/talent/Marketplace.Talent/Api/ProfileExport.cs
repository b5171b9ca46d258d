using Marketplace.Contracts.Talent;
using Marketplace.ServiceDefaults.Auditing;
using Marketplace.Talent.Data;
using Marketplace.Talent.Domain;
using Marketplace.Talent.Taxonomy;
using Microsoft.EntityFrameworkCore;

namespace Marketplace.Talent.Api;

public sealed record ExportedRole(Guid RequirementId, Guid ProjectId, Guid VendorOrganisationId, string Skill, string? SkillUri, Seniority Seniority, RequirementStatus Status, DateTimeOffset? FilledAt);

public sealed record ExportedInvitation(Guid Id, Guid RequirementId, Guid ProjectId, Guid VendorOrganisationId, InvitationStatus Status, DateTimeOffset InvitedAt, DateTimeOffset? AnsweredAt);

public sealed record ExportedEnrolment(Guid Id, Guid ProgrammeId, Guid VendorOrganisationId, decimal FeeHkd, decimal SubsidyHkd, EnrolmentStatus Status, DateTimeOffset EnrolledAt, DateTimeOffset? CompletedAt);

/// <summary>One read of the profile by someone else: when, by whom (user id, organisation), for what.</summary>
public sealed record ExportedRead(DateTimeOffset At, string UserId, Guid? OrganisationId, string Details);

/// <summary>Everything the talent service holds about one person (the Personal Data (Privacy) Ordinance's data access request).</summary>
public sealed record ProfileExport(
    DateTimeOffset ExportedAt, ProfileResponse Profile, IReadOnlyList<ExportedRole> RolesHeld, IReadOnlyList<ExportedInvitation> Invitations,
    IReadOnlyList<ExportedEnrolment> Enrolments, IReadOnlyList<ExportedRead> Reads, IReadOnlyList<ConsentChangeResponse> ConsentHistory)
{
    public static async Task<ProfileExport> CollectAsync(TalentDbContext db, TalentProfile profile, SkillTaxonomy taxonomy, DateTimeOffset now, CancellationToken ct)
    {
        var id = profile.Id;
        var idText = id.ToString();
        var roles = await db.Requirements.AsNoTracking().Where(r => r.TalentId == id).OrderBy(r => r.CreatedAt).ToListAsync(ct);
        var invitations = await db.Invitations.AsNoTracking().Where(i => i.TalentId == id).OrderBy(i => i.InvitedAt).ToListAsync(ct);
        var enrolments = await db.Enrolments.AsNoTracking().Where(e => e.TalentId == id).OrderBy(e => e.EnrolledAt).ToListAsync(ct);
        var reads = await db.AuditLog.AsNoTracking()
            .Where(a => a.EntityType == nameof(TalentProfile) && a.EntityId == idText && a.Action == ProfileReads.ReadAction)
            .OrderBy(a => a.Id).ToListAsync(ct);
        return new ProfileExport(now, ProfileResponse.From(profile, taxonomy),
            [.. roles.Select(r => new ExportedRole(r.Id, r.ProjectId, r.VendorId, r.SkillText, r.SkillUri, r.Seniority, r.Status, r.FilledAt))],
            [.. invitations.Select(i => new ExportedInvitation(i.Id, i.RequirementId, i.ProjectId, i.VendorId, i.Status, i.InvitedAt, i.AnsweredAt))],
            [.. enrolments.Select(e => new ExportedEnrolment(e.Id, e.ProgrammeId, e.VendorId, e.FeeHkd, e.SubsidyHkd, e.Status, e.EnrolledAt, e.CompletedAt))],
            [.. reads.Select(Read)], await ConsentChangeResponse.HistoryAsync(db, id, ct));
    }

    private static ExportedRead Read(AuditEntry a) => new(a.At, a.UserId, a.OrganisationId, a.Changes);
}
