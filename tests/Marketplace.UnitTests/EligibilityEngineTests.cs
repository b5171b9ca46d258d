using Marketplace.Contracts.Identity;
using Marketplace.Funding.Domain;
using static Marketplace.UnitTests.FundingTestData;

namespace Marketplace.UnitTests;

/// <summary>Every eligibility rule passes, fails or waits for facts, with its reason in both languages.</summary>
public sealed class EligibilityEngineTests
{
    private static RuleCheck Check(EligibilityReport report, EligibilityRule rule) => report.Checks.Single(c => c.Rule == rule);

    [Fact]
    public void An_eligible_application_passes_every_rule_and_is_recommended_the_formulas_grant()
    {
        var scheme = Scheme("TVP");

        var report = EligibilityEngine.Evaluate(scheme, Application(scheme, 100_000m, (CostType.Manpower, 400_000m)), Vendor(), []);

        Assert.True(report.Eligible);
        Assert.Equal(300_000m, report.RecommendedGrantHkd);
        Assert.All(report.Checks, c =>
        {
            Assert.Equal(RuleOutcome.Pass, c.Outcome);
            Assert.False(string.IsNullOrWhiteSpace(c.Explanation.En));
            Assert.Contains(c.Explanation.Zh, ch => ch >= '\u4e00' && ch <= '\u9fff');
        });
    }

    [Fact]
    public void A_second_concurrent_project_is_refused_where_the_scheme_allows_one_at_a_time()
    {
        var scheme = Scheme("TVP");

        var running = EligibilityEngine.Evaluate(scheme, Application(scheme, 100_000m, (CostType.Manpower, 400_000m)), Vendor(),
            [Granted(scheme, 100_000m, ApplicationStatus.Funded)]);
        var finished = EligibilityEngine.Evaluate(scheme, Application(scheme, 100_000m, (CostType.Manpower, 400_000m)), Vendor(),
            [Granted(scheme, 100_000m, ApplicationStatus.Completed)]);

        Assert.Equal(RuleOutcome.Fail, Check(running, EligibilityRule.ConcurrentProjects).Outcome);
        Assert.Equal(0m, running.RecommendedGrantHkd);
        Assert.Equal(RuleOutcome.Pass, Check(finished, EligibilityRule.ConcurrentProjects).Outcome);
        Assert.Equal(300_000m, finished.RecommendedGrantHkd);
    }

    [Fact]
    public void The_seventh_project_is_refused_after_six_funded_ones()
    {
        var scheme = Scheme("TVP");
        var six = Enumerable.Range(0, 6).Select(_ => Granted(scheme, 50_000m)).ToList();

        var report = EligibilityEngine.Evaluate(scheme, Application(scheme, 100_000m, (CostType.Manpower, 400_000m)), Vendor(), six);

        Assert.Equal(RuleOutcome.Fail, Check(report, EligibilityRule.MaxProjects).Outcome);
        Assert.Contains("6", Check(report, EligibilityRule.MaxProjects).Explanation.En, StringComparison.Ordinal);
        // 300,000 of the 600,000 are used: the cap still passes, the count does not.
        Assert.Equal(RuleOutcome.Pass, Check(report, EligibilityRule.CumulativeCap).Outcome);
        Assert.False(report.Eligible);
    }

    [Fact]
    public void The_cumulative_cap_counts_every_grant_of_the_company_under_the_scheme_and_no_other()
    {
        var tvp = Scheme("TVP");
        var other = Scheme("PSTS");
        var record = new[] { Granted(tvp, 400_000m), Granted(tvp, 200_000m), Granted(other, 900_000m) };

        var used = EligibilityEngine.Evaluate(tvp, Application(tvp, 100_000m, (CostType.Manpower, 400_000m)), Vendor(), record);
        var partly = EligibilityEngine.Evaluate(tvp, Application(tvp, 100_000m, (CostType.Manpower, 400_000m)), Vendor(), record[1..]);

        Assert.Equal(RuleOutcome.Fail, Check(used, EligibilityRule.CumulativeCap).Outcome);
        Assert.Equal(0m, used.Grant.GrantHkd);
        Assert.True(partly.Eligible);
        Assert.Equal(300_000m, partly.RecommendedGrantHkd);
    }

    [Theory]
    [InlineData(ApplicationStatus.Submitted, RuleOutcome.Fail)]
    [InlineData(ApplicationStatus.Funded, RuleOutcome.Fail)]
    [InlineData(ApplicationStatus.OnHold, RuleOutcome.Fail)]
    [InlineData(ApplicationStatus.Unfunded, RuleOutcome.Pass)]
    [InlineData(ApplicationStatus.Withdrawn, RuleOutcome.Pass)]
    [InlineData(ApplicationStatus.Draft, RuleOutcome.Pass)]
    public void The_same_project_is_not_funded_from_two_schemes(ApplicationStatus elsewhere, RuleOutcome expected)
    {
        var tvp = Scheme("TVP");
        var aiss = Scheme("AISS");
        var application = Application(tvp, 100_000m, (CostType.Manpower, 400_000m));

        var report = EligibilityEngine.Evaluate(tvp, application, Vendor(), [new OtherApplication(Guid.NewGuid(), aiss.Id, application.ProjectId, elsewhere, 0m)]);

        Assert.Equal(expected, Check(report, EligibilityRule.NoDoubleFunding).Outcome);
    }

    [Fact]
    public void Before_the_vendors_facts_arrive_the_company_rules_wait_and_nothing_is_recommended()
    {
        var scheme = Scheme("PSTS");

        var report = EligibilityEngine.Evaluate(scheme, Application(scheme, 0m, (CostType.Manpower, 400_000m)), vendor: null, []);

        Assert.Equal(RuleOutcome.Unknown, Check(report, EligibilityRule.HongKongRegistered).Outcome);
        Assert.Equal(RuleOutcome.Unknown, Check(report, EligibilityRule.CompanySize).Outcome);
        Assert.False(report.Eligible);
        Assert.Equal(0m, report.RecommendedGrantHkd);
        Assert.Equal(200_000m, report.Grant.GrantHkd);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("1234567")]
    [InlineData("ABCDEFGH")]
    public void A_company_without_a_hong_kong_business_registration_is_not_eligible(string? brn)
    {
        var scheme = Scheme("TVP");

        var report = EligibilityEngine.Evaluate(scheme, Application(scheme, 100_000m, (CostType.Manpower, 400_000m)), Vendor(brn: brn), []);

        Assert.Equal(RuleOutcome.Fail, Check(report, EligibilityRule.HongKongRegistered).Outcome);
    }

    [Fact]
    public void Size_classes_and_sectors_are_the_schemes_to_choose()
    {
        var scheme = Scheme("TVP", SchemeCatalogue.TechnologyVoucher with { SizeClasses = [SizeClass.Startup, SizeClass.SME], Sectors = ["healthcare"] });

        var report = EligibilityEngine.Evaluate(scheme, Application(scheme, 100_000m, (CostType.Manpower, 400_000m)), Vendor(SizeClass.Large), []);

        Assert.Equal(RuleOutcome.Fail, Check(report, EligibilityRule.CompanySize).Outcome);
        Assert.Equal(RuleOutcome.Fail, Check(report, EligibilityRule.Sector).Outcome);
        Assert.Contains("Startup, SME", Check(report, EligibilityRule.CompanySize).Explanation.En, StringComparison.Ordinal);
    }

    [Fact]
    public void Chinese_explanations_name_sizes_sectors_and_cost_types_in_chinese_not_by_their_english_codes()
    {
        var scheme = Scheme("TVP", SchemeCatalogue.TechnologyVoucher with
        {
            SizeClasses = [SizeClass.Startup, SizeClass.SME], Sectors = ["healthcare", "logistics"], EligibleCostTypes = [CostType.Manpower, CostType.Computing],
        });

        var report = EligibilityEngine.Evaluate(scheme, Application(scheme, 100_000m, (CostType.Manpower, 400_000m)), Vendor(SizeClass.Large), []);

        var size = Check(report, EligibilityRule.CompanySize).Explanation.Zh;
        Assert.Contains("初創企業、中小企", size, StringComparison.Ordinal);
        Assert.Contains("大型企業", size, StringComparison.Ordinal);
        Assert.Contains("醫療健康、物流", Check(report, EligibilityRule.Sector).Explanation.Zh, StringComparison.Ordinal);
        Assert.Contains("人手、運算", Check(report, EligibilityRule.EligibleCost).Explanation.Zh, StringComparison.Ordinal);
        Assert.All(report.Checks.Select(r => r.Explanation.Zh), zh => Assert.DoesNotMatch("Startup|SME|Large|healthcare|logistics|Manpower|Computing", zh));
    }

    [Fact]
    public void A_budget_without_an_eligible_cost_type_and_missing_declarations_fail()
    {
        var scheme = Scheme("AISS");
        var application = Application(scheme, 0m, (CostType.Manpower, 400_000m)) with { DeclaredNoOtherPublicFunding = false };

        var report = EligibilityEngine.Evaluate(scheme, application, Vendor(), []);

        Assert.Equal(RuleOutcome.Fail, Check(report, EligibilityRule.EligibleCost).Outcome);
        Assert.Equal(RuleOutcome.Fail, Check(report, EligibilityRule.Declarations).Outcome);
        Assert.Equal(0m, report.RecommendedGrantHkd);
    }
}
