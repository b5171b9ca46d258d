namespace Marketplace.Talent.Domain;

/// <summary>
/// What one enterprise has been granted under one scheme in one financial year: the running total every enrolment's
/// subsidy is computed against and added to. One row per (enterprise, scheme, year), its key; its version token makes
/// two enrolments computed against the same total at once collide, so the later one is computed again on the new total
/// and the cap holds under concurrency on every provider (docs/decisions/0022).
/// </summary>
public sealed class SubsidyUsage
{
    private SubsidyUsage()
    {
    }

    /// <summary>A year's first use, opened with what the enterprise's existing enrolments already hold (enrolments made before this row existed).</summary>
    public SubsidyUsage(Guid vendorId, string schemeCode, FinancialYear year, decimal usedHkd, DateTimeOffset now) =>
        (VendorId, SchemeCode, FinancialYear, UsedHkd, UpdatedAt, Version) = (vendorId, schemeCode, year.StartYear, usedHkd, now, Guid.NewGuid());

    public Guid VendorId { get; private set; }

    public string SchemeCode { get; private set; } = "";

    /// <summary>The calendar year the financial year starts in (2026 for 2026-27).</summary>
    public int FinancialYear { get; private set; }

    public decimal UsedHkd { get; private set; }

    public DateTimeOffset UpdatedAt { get; private set; }

    public Guid Version { get; private set; }

    /// <summary>A granted subsidy counted against the cap.</summary>
    public void Add(decimal subsidyHkd, DateTimeOffset now)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(subsidyHkd);
        (UsedHkd, UpdatedAt, Version) = (UsedHkd + subsidyHkd, now, Guid.NewGuid());
    }
}
