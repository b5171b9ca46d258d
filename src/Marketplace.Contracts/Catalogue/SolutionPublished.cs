namespace Marketplace.Contracts.Catalogue;

/// <summary>A vendor published (or republished) a solution in its showcase; matching adds it to the vendor's profile.</summary>
public sealed record SolutionPublished(
    Guid SolutionId,
    Guid VendorOrganisationId,
    string NameEn,
    string NameZh,
    string SummaryEn,
    string SummaryZh,
    IReadOnlyList<string> Capabilities,
    IReadOnlyList<string> Sectors,
    DateTimeOffset PublishedAt);
