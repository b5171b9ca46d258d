using Marketplace.Catalogue.Domain;
using Marketplace.ServiceDefaults.Validation;

namespace Marketplace.Catalogue.Api;

/// <summary>
/// The body of create and edit. Everything is nullable so that a missing field is reported as
/// "required" next to its name instead of failing JSON binding as a whole.
/// </summary>
public sealed record ScenarioRequest(
    string? TitleEn,
    string? TitleZh,
    string? ProblemEn,
    string? ProblemZh,
    string? ExpectedOutcomesEn,
    string? ExpectedOutcomesZh,
    string? Area,
    string? Sector,
    IReadOnlyList<string>? Capabilities,
    decimal? BudgetMinHkd,
    decimal? BudgetMaxHkd,
    string? DataResidency,
    int? PilotDurationMonths,
    IReadOnlyList<string>? TargetSchemes)
{
    public (ScenarioDetails? Details, ValidationErrors Errors) ToDetails()
    {
        var errors = new ValidationErrors();
        errors.OneOf("area", Area, Enum.GetNames<SmartCityArea>())
            .OneOf("dataResidency", DataResidency, Enum.GetNames<DataResidency>());
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
            TargetSchemes ?? []);
        details.Check(errors);
        return (errors.IsValid ? details : null, errors);
    }
}

/// <summary>The body of publish: when proposals close (ISO 8601 with offset; stored as UTC).</summary>
public sealed record PublishRequest(DateTimeOffset? ProposalDeadline);

/// <summary>The body of close: why the scenario stops accepting proposals (shown publicly).</summary>
public sealed record CloseRequest(string? Reason);

/// <summary>Filters of the scenario list; all optional.</summary>
public sealed record ScenarioQuery(
    string? Area,
    string? Sector,
    string? Capability,
    string? Status,
    Guid? DepartmentId,
    int? Page,
    int? PageSize);
