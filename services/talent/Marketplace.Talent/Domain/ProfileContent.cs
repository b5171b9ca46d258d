namespace Marketplace.Talent.Domain;

/// <summary>What a talent states about themselves, validated by the API.</summary>
public sealed record ProfileContent(
    string DisplayName,
    string? ContactEmail,
    string? Headline,
    IReadOnlyList<ProfileSkill> Skills,
    IReadOnlyList<Language> Languages,
    DateOnly AvailableFrom,
    int SharePercent,
    ResidencyStatus Residency,
    bool ConsentToMatch,
    Guid? EmployerOrganisationId);
