namespace Marketplace.Contracts.Funding;

/// <summary>A funding officer accepted a milestone's report (milestone <paramref name="Number"/> of <paramref name="Of"/>).</summary>
public sealed record MilestoneAccepted(
    Guid ApplicationId,
    Guid MilestoneId,
    Guid VendorOrganisationId,
    Guid? ProjectId,
    int Number,
    int Of,
    decimal AmountHkd,
    DateTimeOffset AcceptedAt);
