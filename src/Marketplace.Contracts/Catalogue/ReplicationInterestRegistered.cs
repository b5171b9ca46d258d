namespace Marketplace.Contracts.Catalogue;

/// <summary>A chamber member's organisation wants to replicate a success case: new demand for the department and the vendor.</summary>
public sealed record ReplicationInterestRegistered(
    Guid InterestId,
    Guid SuccessCaseId,
    Guid DepartmentId,
    Guid VendorOrganisationId,
    Guid InterestedOrganisationId,
    string Sector,
    string Note,
    DateTimeOffset RegisteredAt);
