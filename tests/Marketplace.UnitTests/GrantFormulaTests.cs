using Marketplace.Funding.Domain;
using static Marketplace.UnitTests.FundingTestData;

namespace Marketplace.UnitTests;

/// <summary>The grant formula with expected grants computed by hand.</summary>
public sealed class GrantFormulaTests
{
    public static TheoryData<string, decimal, decimal, decimal[], decimal> Cases => new()
    {
        // TVP 3 : 1: three quarters of eligible cost, and at most three times the company's contribution.
        { "TVP: 3/4 of 400,000 = 300,000 = 3 × 100,000", 400_000m, 100_000m, [], 300_000m },
        { "TVP: the contribution bounds the share: 3 × 50,000 = 150,000 < 300,000", 400_000m, 50_000m, [], 150_000m },
        { "TVP: 3/4 of 1,000,001 = 750,000.75 stops at the cumulative cap 600,000", 1_000_001m, 250_001m, [], 600_000m },
        { "TVP: 3/4 of 100,001 = 75,000.75 rounds down to 75,000", 100_001m, 40_000m, [], 75_000m },
        { "TVP: 250,000 + 200,000 granted before leave 150,000 of 600,000", 400_000m, 100_000m, [250_000m, 200_000m], 150_000m },
        { "TVP: 599,999.50 granted before leave 0.50, rounded down to 0", 400_000m, 100_000m, [599_999.50m], 0m },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void Technology_voucher_grants_follow_the_three_to_one_ratio_and_the_cumulative_cap(string because, decimal cost, decimal contribution, decimal[] earlierGrants, decimal expected)
    {
        var scheme = Scheme("TVP");
        var others = earlierGrants.Select(g => Granted(scheme, g)).ToList();

        var grant = GrantFormula.Compute(scheme.Rules, [new BudgetLine(CostType.Manpower, cost, "team")], contribution,
            GrantFormula.RemainingCumulativeCap(scheme.Rules, scheme.Id, others));

        Assert.True(expected == grant.GrantHkd, $"{because}: got {grant.GrantHkd}");
    }

    [Theory]
    [InlineData(1_000_000, 500_000, 700_000)]      // 70 % of the computing line only
    [InlineData(333_333.33, 0, 233_333)]            // 233,333.331 rounded down
    [InlineData(0.99, 10_000, 0)]                    // 0.693 rounds down to nothing
    public void The_ai_subsidy_pays_seventy_percent_of_computing_cost_only(decimal computing, decimal manpower, decimal expected)
    {
        var scheme = Scheme("AISS");

        var grant = GrantFormula.Compute(scheme.Rules,
            [new BudgetLine(CostType.Computing, computing, "GPU hours"), new BudgetLine(CostType.Manpower, manpower, "engineers")], 0m, null);

        Assert.Equal(computing, grant.EligibleCostHkd);
        Assert.Equal(expected, grant.GrantHkd);
    }

    [Theory]
    [InlineData(1_234_567, 617_283)]                 // 617,283.50 rounded down
    [InlineData(2_000_000, 1_000_000)]
    public void The_public_sector_trial_pays_half_of_the_project_cost(decimal cost, decimal expected)
    {
        var scheme = Scheme("PSTS");

        var grant = GrantFormula.Compute(scheme.Rules,
            [new BudgetLine(CostType.Equipment, cost / 2, "sensors"), new BudgetLine(CostType.Manpower, cost / 2, "team")], 0m, null);

        Assert.Equal(expected, grant.GrantHkd);
    }

    [Fact]
    public void A_per_project_cap_bounds_the_grant()
    {
        var rules = SchemeCatalogue.PublicSectorTrial with { PerProjectCapHkd = 500_000m };

        var grant = GrantFormula.Compute(rules, [new BudgetLine(CostType.Manpower, 2_000_000m, "team")], 0m, null);

        Assert.Equal(1_000_000m, grant.ShareHkd);
        Assert.Equal(500_000m, grant.GrantHkd);
        Assert.Contains("HK$500,000", grant.Explanation.En, StringComparison.Ordinal);
        Assert.Contains("每個項目上限", grant.Explanation.Zh, StringComparison.Ordinal);
    }

    [Fact]
    public void The_explanation_names_each_figure_in_both_languages()
    {
        var scheme = Scheme("TVP");

        var grant = GrantFormula.Compute(scheme.Rules, [new BudgetLine(CostType.Manpower, 400_000m, "team")], 50_000m, 600_000m);

        Assert.Equal("3 : 1 matching: 3/4 of eligible cost HK$400,000 is HK$300,000; 3/1 of the company's contribution HK$50,000 is HK$150,000; "
            + "HK$600,000 left of the company's cumulative cap HK$600,000. Grant: the smallest, rounded down to whole HKD: HK$150,000.", grant.Explanation.En);
        Assert.Contains("資助額取其最小者", grant.Explanation.Zh, StringComparison.Ordinal);
    }
}
