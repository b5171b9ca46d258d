namespace Marketplace.Contracts.Matching;

/// <summary>
/// A department awarded a scenario to a vendor's proposal: the project starts its way to funding and
/// staffing. Until <paramref name="StandstillEndsAt"/> the award may still be cancelled and delivery
/// may not start.
/// </summary>
public sealed record ProjectAwarded(
    Guid ProjectId,
    Guid ScenarioId,
    Guid DepartmentId,
    Guid VendorOrganisationId,
    Guid ProposalId,
    string ProposalSummary,
    decimal PriceHkd,
    int DurationMonths,
    IReadOnlyList<TeamRole> TeamRoles,
    DateTimeOffset AwardedAt,
    DateTimeOffset StandstillEndsAt);
