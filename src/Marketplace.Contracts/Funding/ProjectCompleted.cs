namespace Marketplace.Contracts.Funding;

/// <summary>The final milestone with its outcome KPIs was accepted: the project is complete.</summary>
public sealed record ProjectCompleted(
    Guid ProjectId,
    Guid ScenarioId,
    Guid VendorOrganisationId,
    string OutcomeSummaryEn,
    string OutcomeSummaryZh,
    IReadOnlyList<KpiResult> Kpis,
    DateTimeOffset CompletedAt);
