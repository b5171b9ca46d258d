namespace Marketplace.Funding.Domain;

/// <summary>What the engine weighs of the application itself.</summary>
public sealed record ApplicationFacts(
    Guid Id,
    Guid SchemeId,
    Guid? ProjectId,
    string Sector,
    IReadOnlyCollection<BudgetLine> Budget,
    decimal CompanyContributionHkd,
    bool DeclaredNoOtherPublicFunding,
    bool DeclaredInformationTrue);

/// <summary>Every rule's result and the recommended grant; eligible only when every rule passes.</summary>
public sealed record EligibilityReport(IReadOnlyList<RuleCheck> Checks, GrantCalculation Grant)
{
    public bool Eligible => Checks.All(c => c.Outcome == RuleOutcome.Pass);

    /// <summary>The grant the engine recommends: the formula's, or zero while any rule does not pass.</summary>
    public decimal RecommendedGrantHkd => Eligible ? Grant.GrantHkd : 0m;
}

/// <summary>
/// Evaluates a scheme's rules for one application: each rule passes, fails or waits for facts not
/// yet known, with its reason in English and Traditional Chinese; the grant comes from
/// <see cref="GrantFormula"/>. Pure: the caller supplies the vendor's facts and its other applications.
/// </summary>
public static class EligibilityEngine
{
    public static EligibilityReport Evaluate(Scheme scheme, ApplicationFacts application, VendorFacts? vendor, IReadOnlyCollection<OtherApplication> companyRecord)
    {
        var rules = scheme.Rules;
        var others = companyRecord.Where(o => o.Id != application.Id).ToList();
        var checks = new List<RuleCheck>();

        if (rules.RequireHongKongRegistered)
        {
            checks.Add(vendor is not { Registered: true }
                ? Unknown(EligibilityRule.HongKongRegistered)
                : vendor.HongKongRegistered
                    ? new(EligibilityRule.HongKongRegistered, RuleOutcome.Pass, new(
                        $"Registered in Hong Kong (business registration {vendor.BusinessRegistrationNumber}).",
                        $"已在香港註冊（商業登記號碼 {vendor.BusinessRegistrationNumber}）。"))
                    : new(EligibilityRule.HongKongRegistered, RuleOutcome.Fail, new(
                        "The scheme funds only companies registered in Hong Kong; no Hong Kong business registration is on record.",
                        "本計劃只資助在香港註冊的公司；記錄中沒有香港商業登記。")));
        }
        if (rules.SizeClasses.Count > 0)
        {
            var allowed = FundingLabels.List(rules.SizeClasses.Select(FundingLabels.Of));
            checks.Add(vendor?.SizeClass is not { } size
                ? Unknown(EligibilityRule.CompanySize)
                : rules.SizeClasses.Contains(size)
                    ? new(EligibilityRule.CompanySize, RuleOutcome.Pass, new($"Company size {FundingLabels.Of(size).En} is one the scheme funds ({allowed.En}).",
                        $"公司規模「{FundingLabels.Of(size).Zh}」屬本計劃資助的類別（{allowed.Zh}）。"))
                    : new(EligibilityRule.CompanySize, RuleOutcome.Fail, new($"The scheme funds only {allowed.En} companies; this company is {FundingLabels.Of(size).En}.",
                        $"本計劃只資助{allowed.Zh}；此公司屬{FundingLabels.Of(size).Zh}。")));
        }
        if (rules.Sectors.Count > 0)
        {
            var allowed = FundingLabels.List(rules.Sectors.Select(FundingLabels.Sector));
            var sector = FundingLabels.Sector(application.Sector);
            checks.Add(rules.Sectors.Contains(application.Sector)
                ? new(EligibilityRule.Sector, RuleOutcome.Pass, new($"Sector {sector.En} is one the scheme funds.", $"行業「{sector.Zh}」屬本計劃資助範圍。"))
                : new(EligibilityRule.Sector, RuleOutcome.Fail, new($"The scheme funds only the sectors {allowed.En}; this project is in {sector.En}.", $"本計劃只資助以下行業：{allowed.Zh}；此項目屬{sector.Zh}。")));
        }

        var remaining = GrantFormula.RemainingCumulativeCap(rules, scheme.Id, others);
        var grant = GrantFormula.Compute(rules, application.Budget, application.CompanyContributionHkd, remaining);
        var types = FundingLabels.List(rules.EligibleCostTypes.Select(FundingLabels.Of));
        checks.Add(grant.EligibleCostHkd > 0
            ? new(EligibilityRule.EligibleCost, RuleOutcome.Pass, new($"Eligible cost ({types.En}): {Money.Hkd(grant.EligibleCostHkd)}.", $"合資格開支（{types.Zh}）：{Money.Hkd(grant.EligibleCostHkd)}。"))
            : new(EligibilityRule.EligibleCost, RuleOutcome.Fail, new($"The budget has no cost of a type the scheme funds ({types.En}).", $"預算中沒有本計劃資助類別（{types.Zh}）的開支。")));

        checks.Add(application.DeclaredInformationTrue && (!rules.NoDoubleFunding || application.DeclaredNoOtherPublicFunding)
            ? new(EligibilityRule.Declarations, RuleOutcome.Pass, new("The required declarations are made.", "已作出所需聲明。"))
            : new(EligibilityRule.Declarations, RuleOutcome.Fail, new(
                rules.NoDoubleFunding
                    ? "The company must declare that the information is true and that the project receives no other public funding."
                    : "The company must declare that the information is true.",
                rules.NoDoubleFunding ? "公司須聲明資料屬實，且項目沒有獲得其他公帑資助。" : "公司須聲明資料屬實。")));

        if (rules.NoDoubleFunding && application.ProjectId is { } project)
        {
            var twice = others.FirstOrDefault(o => o.ProjectId == project && o.SeeksOrHoldsFunding);
            checks.Add(twice is null
                ? new(EligibilityRule.NoDoubleFunding, RuleOutcome.Pass, new("No other application seeks or holds public funding for this project.", "沒有其他申請為此項目申請或獲得公帑資助。"))
                : new(EligibilityRule.NoDoubleFunding, RuleOutcome.Fail, new(
                    $"The same project already seeks or holds funding in application {twice.Id} ({FundingLabels.Of(twice.Status).En}); a project is funded once.",
                    $"同一項目已在申請 {twice.Id}（{FundingLabels.Of(twice.Status).Zh}）中申請或獲得資助；每個項目只可獲資助一次。")));
        }

        var sameScheme = others.Where(o => o.SchemeId == scheme.Id).ToList();
        if (rules.MaxProjects is { } max)
        {
            var granted = sameScheme.Count(o => o.Granted);
            checks.Add(granted < max
                ? new(EligibilityRule.MaxProjects, RuleOutcome.Pass, new($"{granted} of at most {max} projects funded under the scheme so far.", $"本計劃至今已資助 {granted} 個項目，上限為 {max} 個。"))
                : new(EligibilityRule.MaxProjects, RuleOutcome.Fail, new($"The company already has {granted} funded projects under the scheme, its maximum of {max}.", $"公司在本計劃已有 {granted} 個獲資助項目，已達上限 {max} 個。")));
        }
        if (rules.MaxConcurrentProjects is { } concurrent)
        {
            var running = sameScheme.Count(o => o.InProgress);
            checks.Add(running < concurrent
                ? new(EligibilityRule.ConcurrentProjects, RuleOutcome.Pass, new($"{running} funded project(s) in progress; the scheme allows {concurrent} at a time.", $"進行中的獲資助項目 {running} 個；本計劃同時最多 {concurrent} 個。"))
                : new(EligibilityRule.ConcurrentProjects, RuleOutcome.Fail, new(
                    $"The company already has {running} funded project(s) in progress under the scheme, which allows {concurrent} at a time.",
                    $"公司在本計劃已有 {running} 個進行中的獲資助項目，而本計劃同時最多 {concurrent} 個。")));
        }
        if (remaining is { } left)
        {
            checks.Add(left > 0
                ? new(EligibilityRule.CumulativeCap, RuleOutcome.Pass, new($"{Money.Hkd(left)} left of the cumulative cap {Money.Hkd(rules.CumulativeCapHkd!.Value)}.", $"累計上限 {Money.Hkd(rules.CumulativeCapHkd!.Value)} 尚餘 {Money.Hkd(left)}。"))
                : new(EligibilityRule.CumulativeCap, RuleOutcome.Fail, new($"The company has used its whole cumulative cap of {Money.Hkd(rules.CumulativeCapHkd!.Value)}.", $"公司已用盡累計上限 {Money.Hkd(rules.CumulativeCapHkd!.Value)}。")));
        }
        return new EligibilityReport(checks, grant);
    }

    private static RuleCheck Unknown(EligibilityRule rule) => new(rule, RuleOutcome.Unknown, new(
        "The company's registration facts have not reached the funding service yet; the rule is checked again when they arrive.",
        "公司的註冊資料尚未送達資助服務；資料送達後會再次核對此規則。"));
}
