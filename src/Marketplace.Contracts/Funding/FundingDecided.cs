namespace Marketplace.Contracts.Funding;

/// <summary>
/// A funding panel decided an application under a scheme. <paramref name="AmountHkd"/> is the grant
/// (zero unless <see cref="FundingOutcome.Funded"/>); <paramref name="ProjectId"/> and
/// <paramref name="ScenarioId"/> are set for applications opened from an award.
/// </summary>
public sealed record FundingDecided(
    Guid ApplicationId,
    Guid SchemeId,
    string SchemeCode,
    Guid VendorOrganisationId,
    Guid? ProjectId,
    Guid? ScenarioId,
    FundingOutcome Outcome,
    decimal AmountHkd,
    DateTimeOffset DecidedAt,
    Guid? FundingBodyId = null);
