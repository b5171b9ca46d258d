using Marketplace.Catalogue.Domain;

namespace Marketplace.Catalogue.Api;

public sealed record DepartmentSummary(Guid Id, string? NameEn, string? NameZh);

public sealed record BatchSummary(Guid Id, string Code, string NameEn, string NameZh);

/// <summary>
/// The public award notice, as procurement portals publish it: who won, for how much (HKD), when,
/// and until when it may be challenged. Never the justification or anyone's scores.
/// </summary>
public sealed record AwardNotice(Guid VendorId, string? VendorNameEn, string? VendorNameZh, decimal? ContractValueHkd, DateTimeOffset AwardedAt, DateTimeOffset? StandstillEndsAt);

/// <summary>A scenario as the API shows it; never the EF entity itself.</summary>
public sealed record ScenarioResponse(
    Guid Id,
    string Status,
    DepartmentSummary Department,
    BatchSummary? Batch,
    string TitleEn,
    string TitleZh,
    string ProblemEn,
    string ProblemZh,
    string ExpectedOutcomesEn,
    string ExpectedOutcomesZh,
    IReadOnlyList<Kpi> Kpis,
    string Area,
    string Sector,
    IReadOnlyList<string> Capabilities,
    decimal BudgetMinHkd,
    decimal BudgetMaxHkd,
    string DataResidency,
    string DataDescriptionEn,
    string DataDescriptionZh,
    string DataFormat,
    string AiRiskTier,
    int PilotDurationMonths,
    IReadOnlyList<string> TargetSchemes,
    string ContactName,
    string ContactEmail,
    DateTimeOffset CreatedAt,
    DateTimeOffset UpdatedAt,
    DateTimeOffset? SubmittedAt,
    DateTimeOffset? ApprovedAt,
    string? ReturnReason,
    DateTimeOffset? PublishedAt,
    DateTimeOffset? ProposalDeadline,
    DateTimeOffset? ProposalsClosedAt,
    DateTimeOffset? AwardedAt,
    Guid? AwardedVendorId,
    AwardNotice? Award,
    DateTimeOffset? DeliveryStartedAt,
    DateTimeOffset? CompletedAt,
    DateTimeOffset? ClosedAt,
    string? ClosureReason,
    int AmendmentCount,
    int Version,
    double? Relevance)
{
    public static ScenarioResponse From(Scenario s, Department? department, Batch? batch, OrganisationName? vendor = null, double? relevance = null) => new(
        s.Id, s.Status.ToString(),
        new DepartmentSummary(s.DepartmentId, department?.NameEn, department?.NameZh),
        batch is null ? null : new BatchSummary(batch.Id, batch.Code, batch.NameEn, batch.NameZh),
        s.TitleEn, s.TitleZh, s.ProblemEn, s.ProblemZh, s.ExpectedOutcomesEn, s.ExpectedOutcomesZh, s.Kpis,
        s.Area.ToString(), s.Sector, s.Capabilities, s.BudgetMinHkd, s.BudgetMaxHkd, s.DataResidency.ToString(),
        s.DataDescriptionEn, s.DataDescriptionZh, s.DataFormat, s.AiRiskTier.ToString(), s.PilotDurationMonths, s.TargetSchemes,
        s.ContactName, s.ContactEmail, s.CreatedAt, s.UpdatedAt, s.SubmittedAt, s.ApprovedAt, s.ReturnReason,
        s.PublishedAt, s.ProposalDeadline, s.ProposalsClosedAt, s.AwardedAt, s.AwardedVendorId,
        s is { AwardedVendorId: { } vendorId, AwardedAt: { } awardedAt }
            ? new AwardNotice(vendorId, vendor?.NameEn, vendor?.NameZh, s.AwardedValueHkd, awardedAt, s.StandstillEndsAt)
            : null,
        s.DeliveryStartedAt, s.CompletedAt,
        s.ClosedAt, s.ClosureReason, s.AmendmentCount, s.Version, relevance);
}

/// <summary>How many results have each value, for the filters beside a search.</summary>
public sealed record FacetCount(string Value, int Count);

public sealed record ScenarioFacets(
    IReadOnlyList<FacetCount> Area,
    IReadOnlyList<FacetCount> Sector,
    IReadOnlyList<FacetCount> Capability,
    IReadOnlyList<FacetCount> Status,
    IReadOnlyList<FacetCount> Department);

/// <summary>A page of scenarios with the facet counts of the whole result.</summary>
public sealed record ScenarioSearchResult(
    IReadOnlyList<ScenarioResponse> Items, int Page, int PageSize, int TotalCount, ScenarioFacets Facets)
{
    public int TotalPages => TotalCount == 0 ? 0 : (int)Math.Ceiling(TotalCount / (double)PageSize);
}

public sealed record AmendmentResponse(
    int Number, string SummaryEn, string SummaryZh, IReadOnlyList<string> ChangedFields,
    DateTimeOffset DeadlineBefore, DateTimeOffset DeadlineAfter, bool ExtendedDeadline, DateTimeOffset AmendedAt)
{
    public static AmendmentResponse From(ScenarioAmendment a) =>
        new(a.Number, a.SummaryEn, a.SummaryZh, a.ChangedFields, a.DeadlineBefore, a.DeadlineAfter, a.ExtendedDeadline, a.AmendedAt);
}
