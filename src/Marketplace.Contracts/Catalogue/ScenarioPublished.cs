namespace Marketplace.Contracts.Catalogue;

/// <summary>
/// A scenario was published in a batch; vendors may submit proposals until the deadline. Carries
/// what matching needs to recommend vendors (text in both languages, capabilities, budget).
/// </summary>
public sealed record ScenarioPublished(
    Guid ScenarioId,
    Guid DepartmentId,
    Guid? BatchId,
    string TitleEn,
    string TitleZh,
    string ProblemEn,
    string ProblemZh,
    string Area,
    string Sector,
    IReadOnlyList<string> Capabilities,
    decimal BudgetMinHkd,
    decimal BudgetMaxHkd,
    string DataResidency,
    IReadOnlyList<string> TargetSchemes,
    DateTimeOffset ProposalDeadline,
    DateTimeOffset PublishedAt);
