namespace Marketplace.Contracts.Catalogue;

/// <summary>A success case was approved by the department and the vendor and is now public.</summary>
public sealed record SuccessCasePublished(
    Guid SuccessCaseId,
    Guid? ScenarioId,
    Guid DepartmentId,
    Guid VendorOrganisationId,
    string TitleEn,
    string TitleZh,
    string Area,
    string Sector,
    IReadOnlyList<string> Capabilities,
    DateTimeOffset PublishedAt);
