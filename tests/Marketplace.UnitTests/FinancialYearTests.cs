using Marketplace.Talent.Domain;

namespace Marketplace.UnitTests;

/// <summary>The Hong Kong financial year (April to March) judged in Hong Kong time, whatever the instant's offset.</summary>
public sealed class FinancialYearTests
{
    public static TheoryData<string, string, int> Instants => new()
    {
        { "31 March 23:59 HKT is the year that ends", "2027-03-31T23:59:00+08:00", 2026 },
        { "1 April 00:00 HKT starts the next year", "2027-04-01T00:00:00+08:00", 2027 },
        { "31 March 15:59 UTC is 23:59 HKT: still the old year", "2027-03-31T15:59:00+00:00", 2026 },
        { "31 March 16:00 UTC is 1 April 00:00 HKT: the new year", "2027-03-31T16:00:00+00:00", 2027 },
        { "1 April 07:59 HKT by a New York clock is still 31 March there but April in Hong Kong", "2027-03-31T19:59:00-04:00", 2027 },
        { "1 January belongs to the year that started the April before", "2027-01-01T12:00:00+08:00", 2026 },
        { "1 April 2026 00:00 HKT", "2026-04-01T00:00:00+08:00", 2026 },
    };

    [Theory]
    [MemberData(nameof(Instants))]
    public void An_instant_belongs_to_the_financial_year_of_its_Hong_Kong_date(string because, string instant, int expectedStartYear)
    {
        var year = FinancialYear.Of(DateTimeOffset.Parse(instant, System.Globalization.CultureInfo.InvariantCulture));

        Assert.True(expectedStartYear == year.StartYear, $"{because}: got {year.Label}");
    }

    [Fact]
    public void A_financial_year_runs_from_1_April_to_the_next_1_April_Hong_Kong_time_and_is_labelled_as_the_Government_writes_it()
    {
        var year = new FinancialYear(2026);

        Assert.Equal(new DateTimeOffset(2026, 3, 31, 16, 0, 0, TimeSpan.Zero), year.Start);
        Assert.Equal(new DateTimeOffset(2027, 3, 31, 16, 0, 0, TimeSpan.Zero), year.End);
        Assert.Equal("2026-27", year.Label);
        Assert.Equal("2099-00", new FinancialYear(2099).Label);
    }
}
