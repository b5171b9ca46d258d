using System.Globalization;
using Marketplace.Web.Api;
using Marketplace.Web.Localization;
using Marketplace.Web.Resources;
using Microsoft.Extensions.Localization;

namespace Marketplace.Web.Components.Pages.Talent;

/// <summary>A programme's subsidy rule in words: "NITTP: 2 : 1, up to HK$250,000 per enterprise a financial year".</summary>
public static class ProgrammeRule
{
    public static string Describe(IStringLocalizer<TalentText> text, SubsidyRuleModel rule) =>
        string.Format(CultureInfo.CurrentCulture, text["SubsidyRuleWords"], rule.SchemeCode, rule.GovernmentShare, rule.EnterpriseShare, Display.Hkd(rule.CapPerEnterprisePerYearHkd));
}

/// <summary>A vendor's employees by id, for naming them in enrolment lists and the enrolment form (profiles the API lets the vendor see).</summary>
public static class EmployeeNames
{
    public static async Task<Dictionary<Guid, string>> LoadAsync(TalentClient talent)
    {
        var names = new Dictionary<Guid, string>();
        for (var page = 1; page <= 10; page++)
        {
            if ((await talent.EmployeesAsync(page, CancellationToken.None)).Value is not { } list)
            {
                break;
            }
            foreach (var e in list.Items)
            {
                names[e.Id] = e.DisplayName;
            }
            if (page >= list.TotalPages)
            {
                break;
            }
        }
        return names;
    }
}
