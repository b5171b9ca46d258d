using System.Globalization;
using Marketplace.Web.Api;

namespace Marketplace.Web.Components.Pages.Officer;

/// <summary>A reason typed for cancel, unsuccessful and award cancellation.</summary>
public sealed class ReasonForm
{
    public string? Reason { get; set; }
}

/// <summary>An answer in both languages to one question.</summary>
public sealed class AnswerForm
{
    public string? AnswerEn { get; set; }
    public string? AnswerZh { get; set; }
}

/// <summary>The amendment: the scenario's fields as typed, and what the amendment is about in both languages.</summary>
public sealed class AmendForm
{
    public ScenarioForm Scenario { get; set; } = new();
    public string? SummaryEn { get; set; }
    public string? SummaryZh { get; set; }
}

/// <summary>The evaluation's set-up: weights as typed, the chosen evaluators' user ids, the normalisation switch.</summary>
public sealed class EvaluationSetupForm
{
    public string? Quality { get; set; }
    public string? Price { get; set; }
    public string? Innovation { get; set; }
    public List<string> Evaluators { get; set; } = [];
    public bool Normalise { get; set; }
}

/// <summary>One evaluator's conflict-of-interest declaration for one proposal.</summary>
public sealed class DeclarationForm
{
    /// <summary><c>yes</c> (a conflict) or <c>no</c>; anything else is left for the API to call missing.</summary>
    public string? Conflict { get; set; }
    public string? Note { get; set; }
}

/// <summary>One evaluator's marks for one proposal, as typed.</summary>
public sealed class ScoreForm
{
    public string? Quality { get; set; }
    public string? Innovation { get; set; }
    public string? Comment { get; set; }
}

/// <summary>The award: which proposal, and why.</summary>
public sealed class AwardForm
{
    public string? ProposalId { get; set; }
    public string? Justification { get; set; }
}

/// <summary>A success case drafted from one of the department's awarded scenarios.</summary>
public sealed class SuccessCaseForm
{
    public string? ScenarioId { get; set; }
    public string? TitleEn { get; set; }
    public string? TitleZh { get; set; }
    public string? SummaryEn { get; set; }
    public string? SummaryZh { get; set; }
    public string? OutcomesEn { get; set; }
    public string? OutcomesZh { get; set; }
    public string? Area { get; set; }
    public string? Sector { get; set; }
    public List<string> Capabilities { get; set; } = [];
    public string? KpiNameEn { get; set; }
    public string? KpiNameZh { get; set; }
    public string? KpiTarget { get; set; }
    public string? KpiAchieved { get; set; }
}

/// <summary>Small helpers the officer's forms share: whole numbers as typed, and problems of one form among several on a page.</summary>
public static class OfficerForms
{
    /// <summary>A whole number, or null when empty or not one (the API then names the field as required or out of range).</summary>
    public static int? Whole(string? text) =>
        int.TryParse(text?.Trim(), NumberStyles.Integer, CultureInfo.InvariantCulture, out var value) ? value : null;

    /// <summary>
    /// The same problem with its field names prefixed, so that several forms on one page (one per question or proposal) give their
    /// inputs distinct ids and each message lands next to its own form's field.
    /// </summary>
    public static ApiProblem? Prefixed(this ApiProblem? problem, string prefix) =>
        problem is null ? null : problem with
        {
            Errors = problem.Errors.ToDictionary(e => prefix + e.Key, e => e.Value, StringComparer.OrdinalIgnoreCase),
        };
}
