using Marketplace.ServiceDefaults.Localization;

namespace Marketplace.Talent.Domain;

/// <summary>
/// The Hong Kong Government's financial year, 1 April to 31 March, in Hong Kong time: an instant of
/// 31 March 23:59 HKT belongs to the year that is ending, 1 April 00:00 HKT to the next.
/// </summary>
public readonly record struct FinancialYear(int StartYear)
{
    /// <summary>The financial year an instant falls in, judged in Hong Kong time.</summary>
    public static FinancialYear Of(DateTimeOffset instant)
    {
        var local = instant.ToOffset(HongKongTime.Offset);
        return new FinancialYear(local.Month >= 4 ? local.Year : local.Year - 1);
    }

    /// <summary>1 April 00:00 Hong Kong time.</summary>
    public DateTimeOffset Start => new(StartYear, 4, 1, 0, 0, 0, HongKongTime.Offset);

    /// <summary>The next financial year's start (exclusive end).</summary>
    public DateTimeOffset End => new(StartYear + 1, 4, 1, 0, 0, 0, HongKongTime.Offset);

    /// <summary><c>2026-27</c>, as the Government writes it.</summary>
    public string Label => $"{StartYear}-{(StartYear + 1) % 100:00}";

    public override string ToString() => Label;
}
