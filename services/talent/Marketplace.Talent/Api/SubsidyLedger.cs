using Marketplace.Talent.Data;
using Marketplace.Talent.Domain;
using Microsoft.EntityFrameworkCore;

namespace Marketplace.Talent.Api;

/// <summary>What an enterprise has already been granted under a scheme in a financial year, and the subsidy of a new enrolment against it.</summary>
internal static class SubsidyLedger
{
    public static async Task<decimal> UsedAsync(TalentDbContext db, Guid vendorId, string schemeCode, FinancialYear year, CancellationToken ct)
    {
        // Summed here, not in SQL: SQLite stores money as cents through a converter that an aggregate would bypass.
        var amounts = await db.Enrolments.AsNoTracking()
            .Where(e => e.VendorId == vendorId && e.SchemeCode == schemeCode && e.FinancialYear == year.StartYear)
            .Select(e => e.SubsidyHkd).ToListAsync(ct);
        return amounts.Sum();
    }

    public static async Task<Subsidy> QuoteAsync(TalentDbContext db, TrainingProgramme programme, Guid vendorId, DateTimeOffset at, CancellationToken ct)
    {
        var used = await UsedAsync(db, vendorId, programme.Subsidy.SchemeCode, FinancialYear.Of(at), ct);
        return SubsidyFormula.Compute(programme.Subsidy, programme.FeeHkd, used, at);
    }
}
