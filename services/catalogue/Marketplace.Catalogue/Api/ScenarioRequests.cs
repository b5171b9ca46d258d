using Marketplace.Catalogue.Domain;
using Marketplace.ServiceDefaults.Validation;

namespace Marketplace.Catalogue.Api;

public sealed record KpiRequest(string? NameEn, string? NameZh, string? Target);

/// <summary>
/// The body of create, edit and amend. Everything is nullable so that a missing field is reported as
/// "required" next to its name instead of failing JSON binding as a whole.
/// </summary>
public sealed record ScenarioRequest(
    string? TitleEn,
    string? TitleZh,
    [MultilineText] string? ProblemEn,
    [MultilineText] string? ProblemZh,
    [MultilineText] string? ExpectedOutcomesEn,
    [MultilineText] string? ExpectedOutcomesZh,
    string? Area,
    string? Sector,
    IReadOnlyList<string>? Capabilities,
    decimal? BudgetMinHkd,
    decimal? BudgetMaxHkd,
    string? DataResidency,
    int? PilotDurationMonths,
    IReadOnlyList<string>? TargetSchemes,
    IReadOnlyList<KpiRequest>? Kpis,
    [MultilineText] string? DataDescriptionEn,
    [MultilineText] string? DataDescriptionZh,
    string? DataFormat,
    string? AiRiskTier,
    string? ContactName,
    string? ContactEmail)
{
    public (ScenarioDetails? Details, ValidationErrors Errors) ToDetails(string prefix = "")
    {
        var errors = new ValidationErrors();
        errors.OneOf("area", Area, Enum.GetNames<SmartCityArea>())
            .OneOf("dataResidency", DataResidency, Enum.GetNames<DataResidency>())
            .OneOf("aiRiskTier", AiRiskTier, Enum.GetNames<AiRiskTier>());
        if (BudgetMinHkd is null)
        {
            errors.Required("budgetMinHkd", null);
        }
        if (BudgetMaxHkd is null)
        {
            errors.Required("budgetMaxHkd", null);
        }
        if (PilotDurationMonths is null)
        {
            errors.Required("pilotDurationMonths", null);
        }

        var details = new ScenarioDetails(
            TitleEn ?? "", TitleZh ?? "", ProblemEn ?? "", ProblemZh ?? "", ExpectedOutcomesEn ?? "", ExpectedOutcomesZh ?? "",
            Enum.TryParse<SmartCityArea>(Area, out var area) ? area : default,
            Sector ?? "",
            Capabilities ?? [],
            BudgetMinHkd ?? 0, BudgetMaxHkd ?? 0,
            Enum.TryParse<DataResidency>(DataResidency, out var residency) ? residency : default,
            PilotDurationMonths ?? 1,
            TargetSchemes ?? [],
            (Kpis ?? []).Select(k => new Kpi(k?.NameEn ?? "", k?.NameZh ?? "", k?.Target ?? "")).ToList(),
            DataDescriptionEn ?? "", DataDescriptionZh ?? "", DataFormat ?? "",
            Enum.TryParse<AiRiskTier>(AiRiskTier, out var tier) ? tier : default,
            ContactName ?? "", ContactEmail ?? "");
        details.Check(errors);
        return (errors.IsValid ? details : null, prefix.Length == 0 ? errors : errors.Prefixed(prefix));
    }
}

public sealed record SubmitRequest(Guid? BatchId);

/// <summary>The new content of a published scenario and what the amendment is about, in both languages.</summary>
public sealed record AmendRequest(ScenarioRequest? Scenario, [MultilineText] string? SummaryEn, [MultilineText] string? SummaryZh);

/// <summary>The body of cancel, unsuccessful and return: why (shown to the department, and publicly for public scenarios).</summary>
public sealed record ReasonRequest([MultilineText] string? Reason);

/// <summary>Search and filters of the scenario list; all optional.</summary>
public sealed record ScenarioQuery(
    string? Q,
    string? Area,
    string? Sector,
    string? Capability,
    string? Status,
    Guid? DepartmentId,
    Guid? BatchId,
    decimal? BudgetMin,
    decimal? BudgetMax,
    DateTimeOffset? DeadlineFrom,
    DateTimeOffset? DeadlineTo,
    string? Sort,
    int? Page,
    int? PageSize);
