using Marketplace.ServiceDefaults.Localization;

namespace Marketplace.Funding.Domain;

/// <summary>How a grant was reached: the ratio's share of eligible cost, then each cap; the grant is the smallest, in whole HKD rounded down.</summary>
public sealed record GrantCalculation(
    decimal EligibleCostHkd,
    decimal ShareHkd,
    decimal? PerProjectCapHkd,
    decimal? RemainingCumulativeCapHkd,
    decimal GrantHkd,
    LocalizedText Explanation);

/// <summary>
/// The one grant formula: grant = the smallest of (the basis's share of eligible cost, the
/// per-project cap, what remains of the company's cumulative cap), never below zero, in whole HKD
/// rounded down. Under a matching ratio the share is also bounded by the company's contribution
/// (3 : 1 means at most three dollars for each dollar the company puts in).
/// </summary>
public static class GrantFormula
{
    public static decimal EligibleCost(SchemeRules rules, IEnumerable<BudgetLine> budget) =>
        budget.Where(l => rules.EligibleCostTypes.Contains(l.CostType)).Sum(l => l.AmountHkd);

    /// <summary>The remaining cumulative cap after the company's other grants under this scheme; null when the scheme has none.</summary>
    public static decimal? RemainingCumulativeCap(SchemeRules rules, Guid schemeId, IEnumerable<OtherApplication> others) =>
        rules.CumulativeCapHkd is { } cap
            ? Math.Max(0, cap - others.Where(o => o.SchemeId == schemeId && o.Granted).Sum(o => o.GrantHkd))
            : null;

    public static GrantCalculation Compute(SchemeRules rules, IReadOnlyCollection<BudgetLine> budget, decimal companyContributionHkd, decimal? remainingCumulativeCapHkd)
    {
        var eligible = EligibleCost(rules, budget);
        decimal share;
        LocalizedText shareText;
        if (rules.Basis == GrantBasis.MatchingRatio)
        {
            var (g, c) = (rules.GovernmentShare, rules.CompanyShare);
            var ofCost = eligible * g / (g + c);
            var ofContribution = companyContributionHkd * g / c;
            share = Math.Min(ofCost, ofContribution);
            shareText = new LocalizedText(
                $"{g} : {c} matching: {g}/{g + c} of eligible cost {Money.Hkd(eligible)} is {Money.Hkd(ofCost)}; {g}/{c} of the company's contribution {Money.Hkd(companyContributionHkd)} is {Money.Hkd(ofContribution)}",
                $"{g}:{c} 配對：合資格開支 {Money.Hkd(eligible)} 的 {g}/{g + c} 為 {Money.Hkd(ofCost)}；公司出資 {Money.Hkd(companyContributionHkd)} 的 {g}/{c} 倍為 {Money.Hkd(ofContribution)}");
        }
        else
        {
            share = eligible * rules.PercentageOfEligibleCost / 100m;
            shareText = new LocalizedText(
                $"{Money.Percent(rules.PercentageOfEligibleCost)} of eligible cost {Money.Hkd(eligible)} is {Money.Hkd(share)}",
                $"合資格開支 {Money.Hkd(eligible)} 的 {Money.Percent(rules.PercentageOfEligibleCost)} 為 {Money.Hkd(share)}");
        }
        var grant = share;
        if (rules.PerProjectCapHkd is { } perProject)
        {
            grant = Math.Min(grant, perProject);
        }
        if (remainingCumulativeCapHkd is { } remaining)
        {
            grant = Math.Min(grant, remaining);
        }
        grant = Math.Floor(Math.Max(0, grant));
        var caps = new List<LocalizedText>();
        if (rules.PerProjectCapHkd is { } p)
        {
            caps.Add(new($"per-project cap {Money.Hkd(p)}", $"每個項目上限 {Money.Hkd(p)}"));
        }
        if (remainingCumulativeCapHkd is { } r)
        {
            caps.Add(new($"{Money.Hkd(r)} left of the company's cumulative cap {Money.Hkd(rules.CumulativeCapHkd!.Value)}",
                $"公司累計上限 {Money.Hkd(rules.CumulativeCapHkd!.Value)} 尚餘 {Money.Hkd(r)}"));
        }
        var explanation = new LocalizedText(
            $"{shareText.En}{string.Concat(caps.Select(c => "; " + c.En))}. Grant: the smallest, rounded down to whole HKD: {Money.Hkd(grant)}.",
            $"{shareText.Zh}{string.Concat(caps.Select(c => "；" + c.Zh))}。資助額取其最小者，下調至整數港元：{Money.Hkd(grant)}。");
        return new GrantCalculation(eligible, share, rules.PerProjectCapHkd, remainingCumulativeCapHkd, grant, explanation);
    }
}
