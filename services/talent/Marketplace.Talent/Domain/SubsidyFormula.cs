using System.Globalization;
using Marketplace.ServiceDefaults.Localization;

namespace Marketplace.Talent.Domain;

/// <summary>
/// The one formula for a training subsidy: the rule's share of the fee, but no more than what is
/// left of the enterprise's cap in the financial year of the enrolment (HKD, decimal, rounded down
/// to the cent so the sum of subsidies never passes the cap).
/// </summary>
public static class SubsidyFormula
{
    private static readonly LocalizedText s_explanation = new(
        "{0} : {1} share of the fee {2} is {3}; the enterprise has used {4} of its {5} cap for {6} in {7}, leaving {8}; subsidy {9}.",
        "費用 {2} 按 {0} : {1} 比例資助為 {3}；企業於 {7} 年度已使用 {6} 上限 {5} 中的 {4}，尚餘 {8}；資助額 {9}。");

    public static Subsidy Compute(SubsidyRule rule, decimal feeHkd, decimal usedThisYearHkd, DateTimeOffset enrolledAt)
    {
        var year = FinancialYear.Of(enrolledAt);
        var share = Cents(feeHkd * rule.GovernmentShare / (rule.GovernmentShare + rule.EnterpriseShare));
        var remaining = Math.Max(0m, rule.CapPerEnterprisePerYearHkd - usedThisYearHkd);
        var amount = Math.Min(share, remaining);
        var explanation = s_explanation.Format(rule.GovernmentShare, rule.EnterpriseShare, Hkd(feeHkd), Hkd(share), Hkd(usedThisYearHkd),
            Hkd(rule.CapPerEnterprisePerYearHkd), rule.SchemeCode, year.Label, Hkd(remaining), Hkd(amount));
        return new Subsidy(amount, share, remaining, year, explanation);
    }

    private static decimal Cents(decimal amount) => Math.Floor(amount * 100m) / 100m;

    internal static string Hkd(decimal amount) =>
        "HK$" + amount.ToString(amount == decimal.Truncate(amount) ? "#,0" : "#,0.00", CultureInfo.InvariantCulture);
}
