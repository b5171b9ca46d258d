using Marketplace.Contracts.Talent;
using Marketplace.ServiceDefaults.Localization;
using Marketplace.Talent.Data;
using Microsoft.EntityFrameworkCore;
using Marketplace.ServiceDefaults.Validation;
using Marketplace.Talent.Domain;
using Marketplace.Talent.Taxonomy;

namespace Marketplace.Talent.Api;

public sealed record ProfileSkillRequest(string? Skill, Seniority? Level, int? Years);

/// <summary>A talent's profile as they state it. <c>skills[].skill</c> is a URI, code or label of the taxonomy.</summary>
public sealed record ProfileRequest(
    string? DisplayName,
    string? ContactEmail,
    [MultilineText] string? Headline,
    IReadOnlyList<ProfileSkillRequest?>? Skills,
    IReadOnlyList<Language>? Languages,
    DateOnly? AvailableFrom,
    int? SharePercent,
    ResidencyStatus? Residency,
    bool? ConsentToMatch,
    Guid? EmployerOrganisationId)
{
    public const int MaxSkills = 30;

    public ValidationErrors Validate(SkillTaxonomy taxonomy, out ProfileContent? content)
    {
        var errors = new ValidationErrors().Text("displayName", DisplayName, 200).Text("headline", Headline, 500, required: false);
        if (!string.IsNullOrWhiteSpace(ContactEmail))
        {
            errors.Email("contactEmail", ContactEmail);
        }
        var skills = Skills ?? [];
        errors.Must(skills.Count <= MaxSkills, "skills", TalentTexts.TooMany.Format("skills", MaxSkills));
        var mapped = new List<ProfileSkill>();
        for (var i = 0; i < skills.Count && i < MaxSkills; i++)
        {
            var field = $"skills[{i}]";
            var s = skills[i];
            var uri = taxonomy.Map(s?.Skill);
            errors.Required(field + ".skill", s?.Skill)
                .Must(s?.Skill is null || uri is not null, field + ".skill", TalentTexts.UnknownSkill.Format(field + ".skill"))
                .Must(uri is null || mapped.All(m => m.SkillUri != uri), field + ".skill", TalentTexts.DuplicateSkill.Format(field + ".skill"))
                .Between(field + ".years", s?.Years ?? 0, 0, 60);
            if (s?.Level is null || !Enum.IsDefined(s.Level.Value))
            {
                errors.Required(field + ".level", null);
            }
            if (uri is not null && s?.Level is { } level)
            {
                mapped.Add(new ProfileSkill(uri, level, s.Years ?? 0));
            }
        }
        var languages = Languages ?? [];
        errors.Must(languages.Count <= 20, "languages", TalentTexts.TooMany.Format("languages", 20));
        errors.Must(languages.All(Enum.IsDefined), "languages", TalentTexts.OneOfLanguages);
        errors.Between("sharePercent", SharePercent, 1, 100);
        if (AvailableFrom is null)
        {
            errors.Required("availableFrom", null);
        }
        else
        {
            errors.Must(AvailableFrom.Value.Year is >= 2000 and < 2100, "availableFrom", TalentTexts.DateRange.Format("availableFrom"));
        }
        if (Residency is null || !Enum.IsDefined(Residency.Value))
        {
            errors.Required("residency", null);
        }
        content = null;
        if (!errors.IsValid)
        {
            return errors;
        }
        content = new ProfileContent(DisplayName!.Trim(), string.IsNullOrWhiteSpace(ContactEmail) ? null : ContactEmail.Trim(),
            string.IsNullOrWhiteSpace(Headline) ? null : Headline.Trim(), mapped, [.. languages.Distinct()], AvailableFrom!.Value, SharePercent!.Value,
            Residency!.Value, ConsentToMatch ?? false, EmployerOrganisationId);
        return errors;
    }
}

public sealed record ConsentRequest(bool? ConsentToMatch);

/// <summary>One change of consent to be matched: the consent after it, and when (UTC, and as Hong Kong time for display).</summary>
public sealed record ConsentChangeResponse(bool ConsentToMatch, DateTimeOffset At, string AtHongKong)
{
    public static async Task<IReadOnlyList<ConsentChangeResponse>> HistoryAsync(TalentDbContext db, Guid profileId, CancellationToken ct)
    {
        var changes = await db.ConsentChanges.AsNoTracking().Where(c => c.ProfileId == profileId).OrderByDescending(c => c.At).ThenBy(c => c.Id).ToListAsync(ct);
        return [.. changes.Select(c => new ConsentChangeResponse(c.ConsentToMatch, c.At, HongKongTime.Format(c.At)))];
    }
}

public sealed record ProfileSkillResponse(string SkillUri, string? LabelEn, string? LabelZh, Seniority Level, int Years);

/// <summary>A profile as its owner, its employer's vendors, consenting-to vendors and administrators see it.</summary>
public sealed record ProfileResponse(
    Guid Id, string DisplayName, string? ContactEmail, string? Headline, IReadOnlyList<ProfileSkillResponse> Skills, IReadOnlyList<Language> Languages,
    DateOnly AvailableFrom, int SharePercent, ResidencyStatus Residency, bool ConsentToMatch, DateTimeOffset? ConsentChangedAt,
    Guid? EmployerOrganisationId, DateTimeOffset UpdatedAt)
{
    public static ProfileResponse From(TalentProfile p, SkillTaxonomy taxonomy) => new(
        p.Id, p.DisplayName, p.ContactEmail, p.Headline,
        [.. p.Skills.Select(s => new ProfileSkillResponse(s.SkillUri, taxonomy.Find(s.SkillUri)?.LabelEn, taxonomy.Find(s.SkillUri)?.LabelZh, s.Level, s.Years))],
        p.Languages, p.AvailableFrom, p.SharePercent, p.Residency, p.ConsentToMatch, p.ConsentChangedAt, p.EmployerOrganisationId, p.UpdatedAt);
}
