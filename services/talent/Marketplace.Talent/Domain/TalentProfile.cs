using Marketplace.Contracts.Talent;
using Marketplace.ServiceDefaults.Auditing;

namespace Marketplace.Talent.Domain;

/// <summary>
/// A talent's own profile, keyed by their user id. Vendors see it only with the talent's consent,
/// or as its employer; the audit log records that the personal fields changed, never their values
/// (so an erased profile leaves no name behind in it either).
/// </summary>
public sealed class TalentProfile : IAudited
{
    private static readonly string[] s_personal = [nameof(DisplayName), nameof(ContactEmail), nameof(Headline)];
    private string? _auditAction;

    private TalentProfile()
    {
    }

    public TalentProfile(Guid id, DateTimeOffset now) => (Id, CreatedAt, UpdatedAt) = (id, now, now);

    public Guid Id { get; private set; }

    public string DisplayName { get; private set; } = "";

    public string? ContactEmail { get; private set; }

    public string? Headline { get; private set; }

    public List<ProfileSkill> Skills { get; private set; } = [];

    public List<Language> Languages { get; private set; } = [];

    public DateOnly AvailableFrom { get; private set; }

    /// <summary>Share of the talent's working time on offer, 1 to 100 %.</summary>
    public int SharePercent { get; private set; }

    public ResidencyStatus Residency { get; private set; }

    public bool ConsentToMatch { get; private set; }

    public DateTimeOffset? ConsentChangedAt { get; private set; }

    /// <summary>The vendor organisation employing the talent; its Vendor members see the profile whatever the consent.</summary>
    public Guid? EmployerOrganisationId { get; private set; }

    public DateTimeOffset CreatedAt { get; private set; }

    public DateTimeOffset UpdatedAt { get; private set; }

    public Guid Version { get; private set; }

    public string AuditId => Id.ToString();

    public IReadOnlyCollection<string> RedactedProperties => s_personal;

    public string? TakeAuditAction() => Interlocked.Exchange(ref _auditAction, null);

    public IReadOnlyList<string> SkillUris => [.. Skills.Select(s => s.SkillUri)];

    /// <summary>The profile as its owner states it; a change of consent (or the first statement of it) comes back to be kept as history.</summary>
    public ConsentChange? Apply(ProfileContent content, DateTimeOffset now)
    {
        ConsentChange? change = null;
        if (content.ConsentToMatch != ConsentToMatch || ConsentChangedAt is null)
        {
            ConsentChangedAt = now;
            change = new ConsentChange(Guid.NewGuid(), Id, content.ConsentToMatch, now);
        }
        (DisplayName, ContactEmail, Headline) = (content.DisplayName, content.ContactEmail, content.Headline);
        Skills = [.. content.Skills];
        Languages = [.. content.Languages.Distinct()];
        (AvailableFrom, SharePercent, Residency, ConsentToMatch, EmployerOrganisationId) =
            (content.AvailableFrom, content.SharePercent, content.Residency, content.ConsentToMatch, content.EmployerOrganisationId);
        Touch(now);
        return change;
    }

    /// <summary>
    /// Consent given or withdrawn: withdrawn, the profile leaves every vendor's matches at once (matches are computed on
    /// each request). The change comes back to be kept as history; none when the consent already stood so.
    /// </summary>
    public ConsentChange? SetConsent(bool consent, DateTimeOffset now)
    {
        if (consent == ConsentToMatch)
        {
            return null;
        }
        (ConsentToMatch, ConsentChangedAt) = (consent, now);
        _auditAction = consent ? "ConsentGiven" : "ConsentWithdrawn";
        Touch(now);
        return new ConsentChange(Guid.NewGuid(), Id, consent, now);
    }

    /// <summary>A completed course's skills: a skill not yet held is added at Junior level; one already held is kept as it is.</summary>
    public bool Learn(IEnumerable<string> skillUris, DateTimeOffset now)
    {
        var added = skillUris.Where(uri => Skills.All(s => s.SkillUri != uri)).Distinct().Select(uri => new ProfileSkill(uri, Seniority.Junior, 0)).ToList();
        if (added.Count == 0)
        {
            return false;
        }
        Skills = [.. Skills, .. added];
        _auditAction = "CourseCompleted";
        Touch(now);
        return true;
    }

    public TalentProfileChanged Changed() => new(Id, SkillUris, ConsentToMatch, EmployerOrganisationId, UpdatedAt);

    private void Touch(DateTimeOffset now) => (UpdatedAt, Version) = (now, Guid.NewGuid());
}
