using Marketplace.Catalogue.Domain;

namespace Marketplace.Catalogue.Api;

public sealed record DepartmentSummary(Guid Id, string? NameEn, string? NameZh);

/// <summary>A scenario as the API shows it; never the EF entity itself.</summary>
public sealed record ScenarioResponse(
    Guid Id,
    string Status,
    DepartmentSummary Department,
    string TitleEn,
    string TitleZh,
    string ProblemEn,
    string ProblemZh,
    string ExpectedOutcomesEn,
    string ExpectedOutcomesZh,
    string Area,
    string Sector,
    IReadOnlyList<string> Capabilities,
    decimal BudgetMinHkd,
    decimal BudgetMaxHkd,
    string DataResidency,
    int PilotDurationMonths,
    IReadOnlyList<string> TargetSchemes,
    DateTimeOffset CreatedAt,
    DateTimeOffset UpdatedAt,
    DateTimeOffset? PublishedAt,
    DateTimeOffset? ProposalDeadline,
    DateTimeOffset? ClosedAt,
    string? ClosureReason,
    int Version)
{
    public static ScenarioResponse From(Scenario s, Department? department) => new(
        s.Id,
        s.Status.ToString(),
        new DepartmentSummary(s.DepartmentId, department?.NameEn, department?.NameZh),
        s.TitleEn,
        s.TitleZh,
        s.ProblemEn,
        s.ProblemZh,
        s.ExpectedOutcomesEn,
        s.ExpectedOutcomesZh,
        s.Area.ToString(),
        s.Sector,
        s.Capabilities,
        s.BudgetMinHkd,
        s.BudgetMaxHkd,
        s.DataResidency.ToString(),
        s.PilotDurationMonths,
        s.TargetSchemes,
        s.CreatedAt,
        s.UpdatedAt,
        s.PublishedAt,
        s.ProposalDeadline,
        s.ClosedAt,
        s.ClosureReason,
        s.Version);
}
