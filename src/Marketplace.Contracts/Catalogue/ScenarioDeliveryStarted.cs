namespace Marketplace.Contracts.Catalogue;

/// <summary>
/// The department started delivery of an awarded scenario's project after its standstill period:
/// the award is now a contract and can no longer be cancelled.
/// </summary>
public sealed record ScenarioDeliveryStarted(Guid ScenarioId, Guid ProjectId, Guid DepartmentId, Guid VendorOrganisationId, DateTimeOffset StartedAt);
