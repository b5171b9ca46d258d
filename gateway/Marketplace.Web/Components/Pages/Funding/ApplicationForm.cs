using System.Globalization;
using Marketplace.Web.Api;
using Marketplace.Web.Localization;

namespace Marketplace.Web.Components.Pages.Funding;

/// <summary>
/// The application form as the browser posts it: text as typed, a fixed number of budget rows (a blank row is left
/// out), declarations as checkboxes (unticked is false). The funding API is the only validator.
/// </summary>
public sealed class ApplicationForm
{
    public const int BudgetRows = 6;

    public string? Action { get; set; }
    public string? TitleEn { get; set; }
    public string? TitleZh { get; set; }
    public List<BudgetRow> Budget { get; set; } = [];
    public string? CompanyContributionHkd { get; set; }
    public bool DeclaredNoOtherPublicFunding { get; set; }
    public bool DeclaredInformationTrue { get; set; }

    public static ApplicationForm From(FundingApplication a) => new()
    {
        TitleEn = a.TitleEn, TitleZh = a.TitleZh,
        Budget = a.Budget.Select(b => new BudgetRow { CostType = b.CostType, AmountHkd = b.AmountHkd.ToString(CultureInfo.InvariantCulture), Description = b.Description }).ToList(),
        CompanyContributionHkd = a.CompanyContributionHkd.ToString(CultureInfo.InvariantCulture),
        DeclaredNoOtherPublicFunding = a.DeclaredNoOtherPublicFunding, DeclaredInformationTrue = a.DeclaredInformationTrue,
    };

    public void Pad()
    {
        Budget ??= [];
        while (Budget.Count < BudgetRows)
        {
            Budget.Add(new BudgetRow());
        }
    }

    /// <summary>The API body, or the fields whose text is not a number (keyed as the API names them, so they show in the same places).</summary>
    public (CompleteApplicationBody Body, ApiProblem? NotNumbers) ToBody(FormValues values)
    {
        var rows = (Budget ?? []).Where(r => !r.IsBlank).ToList();
        var lines = rows.Select((row, i) => new BudgetLineBody(
            string.IsNullOrWhiteSpace(row.CostType) ? null : row.CostType, values.Amount(row.AmountHkd, $"budget[{i}].amountHkd"), row.Description?.Trim())).ToList();
        var contribution = values.Amount(CompanyContributionHkd, "companyContributionHkd");
        return (new CompleteApplicationBody(TitleEn, TitleZh, lines, contribution, DeclaredNoOtherPublicFunding, DeclaredInformationTrue), values.Problem);
    }

    public sealed class BudgetRow
    {
        public string? CostType { get; set; }
        public string? AmountHkd { get; set; }
        public string? Description { get; set; }

        public bool IsBlank => string.IsNullOrWhiteSpace(CostType) && string.IsNullOrWhiteSpace(AmountHkd) && string.IsNullOrWhiteSpace(Description);
    }
}
