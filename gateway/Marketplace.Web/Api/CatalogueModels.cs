namespace Marketplace.Web.Api;

// Batches, success cases, solutions and the taxonomy as the UI reads them.

public sealed record Paged<T>(IReadOnlyList<T> Items, int Page, int PageSize, int TotalCount)
{
    public int TotalPages => TotalCount == 0 ? 0 : (TotalCount + PageSize - 1) / PageSize;
}

public sealed record Batch(Guid Id, string Code, int Year, int Number, string NameEn, string NameZh, string DescriptionEn, string DescriptionZh,
    string Status, DateTimeOffset ProposalDeadline, DateTimeOffset? PublishedAt, int PublicScenarioCount);

public sealed record KpiOutcome(string NameEn, string NameZh, string Target, string Achieved);

public sealed record SuccessCase(Guid Id, Guid? ScenarioId, Named Department, Named Vendor, string TitleEn, string TitleZh,
    string SummaryEn, string SummaryZh, string OutcomesEn, string OutcomesZh, string Area, string Sector, IReadOnlyList<string> Capabilities,
    IReadOnlyList<KpiOutcome> Kpis, string Status, DateTimeOffset? PublishedAt);

public sealed record Solution(Guid Id, Named Vendor, string NameEn, string NameZh, string SummaryEn, string SummaryZh,
    IReadOnlyList<string> Capabilities, IReadOnlyList<string> Sectors, string Status, DateTimeOffset? PublishedAt);

public sealed record TaxonomyEntry(string Code, string LabelEn, string LabelZh);

public sealed record Taxonomy(IReadOnlyList<TaxonomyEntry> Areas, IReadOnlyList<TaxonomyEntry> Sectors,
    IReadOnlyList<TaxonomyEntry> Capabilities, IReadOnlyList<TaxonomyEntry> FundingSchemes)
{
    public static readonly Taxonomy Empty = new([], [], [], []);
}
