using System.Globalization;
using Marketplace.Web.Api;
using Marketplace.Web.Localization;

namespace Marketplace.Web.Components.Pages;

/// <summary>
/// The scenario form as the browser posts it: text as typed. The catalogue's API is the only validator; this
/// class only turns numbers typed as text into numbers through <see cref="FormValues"/> (which says so when one is not a number).
/// </summary>
public sealed class ScenarioForm
{
    public const int KpiRows = 3;

    public string? Action { get; set; }

    /// <summary>
    /// The draft a "save and submit" of a new scenario already saved when its submission failed, so that trying again
    /// edits that draft rather than creating a second one.
    /// </summary>
    public string? DraftId { get; set; }

    /// <summary>The open batch to submit to (only for "save and submit").</summary>
    public string? BatchId { get; set; }
    public string? TitleEn { get; set; }
    public string? TitleZh { get; set; }
    public string? ProblemEn { get; set; }
    public string? ProblemZh { get; set; }
    public string? ExpectedOutcomesEn { get; set; }
    public string? ExpectedOutcomesZh { get; set; }
    public string? Area { get; set; }
    public string? Sector { get; set; }
    public List<string> Capabilities { get; set; } = [];
    public List<string> TargetSchemes { get; set; } = [];
    public string? BudgetMinHkd { get; set; }
    public string? BudgetMaxHkd { get; set; }
    public string? PilotDurationMonths { get; set; }
    public List<KpiForm> Kpis { get; set; } = [];
    public string? DataDescriptionEn { get; set; }
    public string? DataDescriptionZh { get; set; }
    public string? DataFormat { get; set; }
    public string? DataResidency { get; set; } = "HongKongOnly";
    public string? AiRiskTier { get; set; } = "Low";
    public string? ContactName { get; set; }
    public string? ContactEmail { get; set; }

    public static ScenarioForm From(Scenario s) => new()
    {
        TitleEn = s.TitleEn, TitleZh = s.TitleZh, ProblemEn = s.ProblemEn, ProblemZh = s.ProblemZh,
        ExpectedOutcomesEn = s.ExpectedOutcomesEn, ExpectedOutcomesZh = s.ExpectedOutcomesZh, Area = s.Area, Sector = s.Sector,
        Capabilities = [.. s.Capabilities], TargetSchemes = [.. s.TargetSchemes],
        BudgetMinHkd = s.BudgetMinHkd.ToString(CultureInfo.InvariantCulture), BudgetMaxHkd = s.BudgetMaxHkd.ToString(CultureInfo.InvariantCulture),
        PilotDurationMonths = s.PilotDurationMonths.ToString(CultureInfo.InvariantCulture),
        Kpis = s.Kpis.Select(k => new KpiForm { NameEn = k.NameEn, NameZh = k.NameZh, Target = k.Target }).ToList(),
        DataDescriptionEn = s.DataDescriptionEn, DataDescriptionZh = s.DataDescriptionZh, DataFormat = s.DataFormat,
        DataResidency = s.DataResidency, AiRiskTier = s.AiRiskTier, ContactName = s.ContactName, ContactEmail = s.ContactEmail,
    };

    /// <summary>Empty rows up to <see cref="KpiRows"/>, so the form always offers room for more (a post without lists binds them as null).</summary>
    public void PadKpis()
    {
        Kpis ??= [];
        Capabilities ??= [];
        TargetSchemes ??= [];
        while (Kpis.Count < KpiRows)
        {
            Kpis.Add(new KpiForm());
        }
    }

    /// <summary>The API body; or, when a number field holds something that is not a number, the problem to show.</summary>
    public (ScenarioBody Body, ApiProblem? Problem) ToBody(FormValues values)
    {
        var body = new ScenarioBody(TitleEn, TitleZh, ProblemEn, ProblemZh, ExpectedOutcomesEn, ExpectedOutcomesZh, Empty(Area), Empty(Sector),
            Capabilities, values.Amount(BudgetMinHkd, "budgetMinHkd"), values.Amount(BudgetMaxHkd, "budgetMaxHkd"), Empty(DataResidency),
            values.Whole(PilotDurationMonths, "pilotDurationMonths"), TargetSchemes,
            Kpis.Where(k => !string.IsNullOrWhiteSpace(k.NameEn) || !string.IsNullOrWhiteSpace(k.NameZh) || !string.IsNullOrWhiteSpace(k.Target))
                .Select(k => new KpiBody(k.NameEn, k.NameZh, k.Target)).ToList(),
            DataDescriptionEn, DataDescriptionZh, DataFormat, Empty(AiRiskTier), ContactName, ContactEmail);
        return (body, values.Problem);
    }

    private static string? Empty(string? value) => string.IsNullOrWhiteSpace(value) ? null : value;
}

public sealed class KpiForm
{
    public string? NameEn { get; set; }
    public string? NameZh { get; set; }
    public string? Target { get; set; }
}
