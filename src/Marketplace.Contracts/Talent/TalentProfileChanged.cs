namespace Marketplace.Contracts.Talent;

/// <summary>
/// A talent created or changed their profile. Carries ids and skill URIs only, never a name or a
/// contact detail: consumers that need to show a person ask the talent service, which checks consent.
/// </summary>
public sealed record TalentProfileChanged(
    Guid TalentId,
    IReadOnlyList<string> SkillUris,
    bool ConsentToMatch,
    Guid? EmployerOrganisationId,
    DateTimeOffset ChangedAt);
