namespace Marketplace.Web.Api;

// The catalogue's scenario answers as the UI reads them (its own records: the UI shares no code with a service).

public sealed record Named(Guid Id, string? NameEn, string? NameZh);

public sealed record BatchRef(Guid Id, string Code, string NameEn, string NameZh);

public sealed record Kpi(string NameEn, string NameZh, string Target);

public sealed record Award(Guid VendorId, string? VendorNameEn, string? VendorNameZh, decimal? ContractValueHkd, DateTimeOffset AwardedAt, DateTimeOffset? StandstillEndsAt);

public sealed record Scenario(
    Guid Id, string Status, Named Department, BatchRef? Batch, string TitleEn, string TitleZh, string ProblemEn, string ProblemZh,
    string ExpectedOutcomesEn, string ExpectedOutcomesZh, IReadOnlyList<Kpi> Kpis, string Area, string Sector, IReadOnlyList<string> Capabilities,
    decimal BudgetMinHkd, decimal BudgetMaxHkd, string DataResidency, string DataDescriptionEn, string DataDescriptionZh, string DataFormat,
    string AiRiskTier, int PilotDurationMonths, IReadOnlyList<string> TargetSchemes, string ContactName, string ContactEmail,
    DateTimeOffset CreatedAt, DateTimeOffset UpdatedAt, DateTimeOffset? SubmittedAt, string? ReturnReason, DateTimeOffset? PublishedAt,
    DateTimeOffset? ProposalDeadline, Award? Award, DateTimeOffset? ClosedAt, string? ClosureReason, int AmendmentCount, int Version);

public sealed record FacetCount(string Value, int Count);

public sealed record ScenarioFacets(
    IReadOnlyList<FacetCount> Area, IReadOnlyList<FacetCount> Sector, IReadOnlyList<FacetCount> Capability,
    IReadOnlyList<FacetCount> Status, IReadOnlyList<FacetCount> Department);

public sealed record ScenarioPage(IReadOnlyList<Scenario> Items, int Page, int PageSize, int TotalCount, ScenarioFacets Facets)
{
    public int TotalPages => TotalCount == 0 ? 0 : (TotalCount + PageSize - 1) / PageSize;
}

public sealed record Amendment(int Number, string SummaryEn, string SummaryZh, IReadOnlyList<string> ChangedFields,
    DateTimeOffset DeadlineBefore, DateTimeOffset DeadlineAfter, bool ExtendedDeadline, DateTimeOffset AmendedAt);

public sealed record Clarification(Guid Id, string Question, string? AnswerEn, string? AnswerZh, DateTimeOffset AskedAt, DateTimeOffset? AnsweredAt, bool Mine);
