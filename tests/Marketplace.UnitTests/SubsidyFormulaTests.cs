using Marketplace.Talent.Domain;

namespace Marketplace.UnitTests;

/// <summary>The one training-subsidy formula: the rule's share of the fee, bounded by what is left of the enterprise's cap that financial year.</summary>
public sealed class SubsidyFormulaTests
{
    private static readonly DateTimeOffset s_lastMinute = new(2027, 3, 31, 23, 59, 0, TimeSpan.FromHours(8));
    private static readonly DateTimeOffset s_firstMinute = new(2027, 4, 1, 0, 0, 0, TimeSpan.FromHours(8));

    public static TheoryData<string, int, int, decimal, decimal, decimal, decimal> Cases => new()
    {
        { "1 : 1 pays half the fee", 1, 1, 250_000m, 40_000m, 0m, 20_000m },
        { "2 : 1 pays two thirds, rounded down to the cent", 2, 1, 250_000m, 10_000m, 0m, 6_666.66m },
        { "the cap left bounds the share: 250,000 − 240,000 = 10,000 < 20,000", 1, 1, 250_000m, 40_000m, 240_000m, 10_000m },
        { "a cap used up pays nothing", 1, 1, 250_000m, 40_000m, 250_000m, 0m },
        { "more used than the cap (a lowered cap) pays nothing, not a negative amount", 1, 1, 100_000m, 40_000m, 120_000m, 0m },
        { "a free course is subsidised by nothing", 1, 1, 250_000m, 0m, 0m, 0m },
        { "cents survive: half of 1,000.01 is 500.00 (rounded down)", 1, 1, 250_000m, 1_000.01m, 0m, 500.00m },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void The_subsidy_is_the_rules_share_of_the_fee_but_no_more_than_the_cap_left(
        string because, int government, int enterprise, decimal cap, decimal fee, decimal used, decimal expected)
    {
        var subsidy = SubsidyFormula.Compute(new SubsidyRule("NITTP", government, enterprise, cap), fee, used, s_lastMinute);

        Assert.True(expected == subsidy.AmountHkd, $"{because}: got {subsidy.AmountHkd}");
    }

    [Fact]
    public void The_explanation_names_the_ratio_the_fee_the_cap_used_and_the_financial_year_in_both_languages()
    {
        var subsidy = SubsidyFormula.Compute(new SubsidyRule("NITTP", 1, 1, 250_000m), 40_000m, 240_000m, s_lastMinute);

        Assert.Equal("2026-27", subsidy.Year.Label);
        Assert.Contains("1 : 1", subsidy.Explanation.En, StringComparison.Ordinal);
        Assert.Contains("HK$40,000", subsidy.Explanation.En, StringComparison.Ordinal);
        Assert.Contains("HK$240,000", subsidy.Explanation.En, StringComparison.Ordinal);
        Assert.Contains("2026-27", subsidy.Explanation.En, StringComparison.Ordinal);
        Assert.Contains("subsidy HK$10,000", subsidy.Explanation.En, StringComparison.Ordinal);
        Assert.Contains("資助額 HK$10,000", subsidy.Explanation.Zh, StringComparison.Ordinal);
        Assert.Contains("2026-27 年度", subsidy.Explanation.Zh, StringComparison.Ordinal);
    }

    [Fact]
    public void The_minute_after_31_March_23_59_Hong_Kong_time_counts_in_the_new_financial_year()
    {
        var rule = new SubsidyRule("NITTP", 1, 1, 250_000m);

        Assert.Equal(2026, SubsidyFormula.Compute(rule, 10_000m, 0m, s_lastMinute).Year.StartYear);
        Assert.Equal(2027, SubsidyFormula.Compute(rule, 10_000m, 0m, s_firstMinute).Year.StartYear);
    }
}
