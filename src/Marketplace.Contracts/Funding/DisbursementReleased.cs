namespace Marketplace.Contracts.Funding;

/// <summary>A milestone's payment was released; <paramref name="TotalPaidHkd"/> is everything paid on the grant so far, never above it.</summary>
public sealed record DisbursementReleased(
    Guid ApplicationId,
    Guid MilestoneId,
    Guid VendorOrganisationId,
    decimal AmountHkd,
    decimal TotalPaidHkd,
    decimal GrantHkd,
    DateTimeOffset ReleasedAt);
