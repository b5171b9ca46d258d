using Marketplace.ServiceDefaults.Auditing;

namespace Marketplace.Talent.Domain;

/// <summary>What a programme's provider or an administrator sets.</summary>
public sealed record ProgrammeContent(
    string TitleEn, string TitleZh, string ProviderNameEn, string ProviderNameZh, IReadOnlyList<string> SkillUris, decimal FeeHkd, int Hours, SubsidyRule Subsidy);

/// <summary>
/// A subsidised training course: bilingual title, the provider (a training provider organisation, or
/// none when an administrator manages it), the skills it teaches, its fee and hours, its subsidy rule.
/// </summary>
public sealed class TrainingProgramme : IAudited
{
    private TrainingProgramme()
    {
    }

    public TrainingProgramme(Guid id, Guid? providerOrganisationId, ProgrammeContent content, DateTimeOffset now)
    {
        (Id, ProviderOrganisationId, CreatedAt) = (id, providerOrganisationId, now);
        Apply(content);
    }

    public Guid Id { get; private set; }

    public Guid? ProviderOrganisationId { get; private set; }

    public string TitleEn { get; private set; } = "";

    public string TitleZh { get; private set; } = "";

    public string ProviderNameEn { get; private set; } = "";

    public string ProviderNameZh { get; private set; } = "";

    public List<string> SkillUris { get; private set; } = [];

    public decimal FeeHkd { get; private set; }

    public int Hours { get; private set; }

    public SubsidyRule Subsidy { get; private set; } = new("NITTP", 2, 1, 250_000m);

    public DateTimeOffset CreatedAt { get; private set; }

    public Guid Version { get; private set; }

    public string AuditId => Id.ToString();

    public void Apply(ProgrammeContent c)
    {
        (TitleEn, TitleZh, ProviderNameEn, ProviderNameZh, FeeHkd, Hours, Subsidy) = (c.TitleEn, c.TitleZh, c.ProviderNameEn, c.ProviderNameZh, c.FeeHkd, c.Hours, c.Subsidy);
        SkillUris = [.. c.SkillUris.Distinct()];
        Version = Guid.NewGuid();
    }
}
