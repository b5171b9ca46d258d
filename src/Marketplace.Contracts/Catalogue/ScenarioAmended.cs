namespace Marketplace.Contracts.Catalogue;

/// <summary>
/// A published scenario was amended (amendment <paramref name="Number"/>); submitted proposals must
/// be reconfirmed. <paramref name="ProposalDeadline"/> is the deadline after the amendment (extended
/// when fewer than 7 days remained).
/// </summary>
public sealed record ScenarioAmended(
    Guid ScenarioId,
    Guid DepartmentId,
    int Number,
    string SummaryEn,
    string SummaryZh,
    IReadOnlyList<string> ChangedFields,
    string TitleEn,
    string TitleZh,
    IReadOnlyList<string> Capabilities,
    decimal BudgetMinHkd,
    decimal BudgetMaxHkd,
    DateTimeOffset ProposalDeadline,
    DateTimeOffset AmendedAt);
