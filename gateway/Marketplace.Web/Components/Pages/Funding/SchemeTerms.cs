using System.Globalization;
using Marketplace.Web.Api;
using Marketplace.Web.Localization;
using Marketplace.Web.Resources;
using Microsoft.Extensions.Localization;

namespace Marketplace.Web.Components.Pages.Funding;

/// <summary>A scheme's rules in words for the reader ("3 : 1 government to company", "70 % of eligible cost").</summary>
public static class SchemeTerms
{
    public static string Basis(SchemeRules rules, IStringLocalizer<FundingText> text) =>
        rules.Basis == "MatchingRatio"
            ? string.Format(CultureInfo.CurrentCulture, text["BasisRatio"], rules.GovernmentShare, rules.CompanyShare)
            : string.Format(CultureInfo.CurrentCulture, text["BasisPercentage"], rules.PercentageOfEligibleCost.ToString("0.##", CultureInfo.InvariantCulture));

    public static string CostTypes(IEnumerable<string> types, IStringLocalizer<FundingText> text) =>
        string.Join(Display.Chinese ? "、" : ", ", types.Select(t => text["Cost_" + t].Value));
}
