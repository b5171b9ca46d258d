namespace Marketplace.Contracts.Catalogue;

/// <summary>A department published a scenario; vendors may now submit proposals until the deadline.</summary>
public sealed record ScenarioPublished(
    Guid ScenarioId,
    Guid DepartmentId,
    string TitleEn,
    string TitleZh,
    string Area,
    string Sector,
    IReadOnlyList<string> Capabilities,
    decimal BudgetMinHkd,
    decimal BudgetMaxHkd,
    DateTimeOffset ProposalDeadline,
    DateTimeOffset PublishedAt);
