using Marketplace.Talent.Data;
using Marketplace.Talent.Domain;
using Microsoft.EntityFrameworkCore;

namespace Marketplace.Talent.Api;

/// <summary>
/// What an enterprise has already been granted under a scheme in a financial year (its <see cref="SubsidyUsage"/> row),
/// the subsidy of a new enrolment against it, and the enrolment itself, made so that two at once cannot both take
/// the last of the cap (docs/decisions/0022).
/// </summary>
internal static class SubsidyLedger
{
    /// <summary>Each collision means another enrolment of the same enterprise committed first; this many covers a burst of them.</summary>
    private const int MaxAttempts = 12;

    public static async Task<decimal> UsedAsync(TalentDbContext db, Guid vendorId, string schemeCode, FinancialYear year, CancellationToken ct)
    {
        var usage = await db.SubsidyUsage.AsNoTracking()
            .FirstOrDefaultAsync(u => u.VendorId == vendorId && u.SchemeCode == schemeCode && u.FinancialYear == year.StartYear, ct);
        return usage?.UsedHkd ?? await EnrolledAsync(db, vendorId, schemeCode, year, ct);
    }

    public static async Task<Subsidy> QuoteAsync(TalentDbContext db, TrainingProgramme programme, Guid vendorId, DateTimeOffset at, CancellationToken ct)
    {
        var used = await UsedAsync(db, vendorId, programme.Subsidy.SchemeCode, FinancialYear.Of(at), ct);
        return SubsidyFormula.Compute(programme.Subsidy, programme.FeeHkd, used, at);
    }

    /// <summary>
    /// Enrols an employee: the subsidy is computed against the year's usage row and added to it in the same save. The
    /// row's version token (or, for a year's first enrolment, its key) makes a concurrent enrolment's save fail; it is
    /// then computed again against the total that won, so the sum of subsidies never passes the cap.
    /// </summary>
    public static async Task<Enrolment> EnrolAsync(TalentDbContext db, TrainingProgramme programme, Guid vendorId, Guid talentId, DateTimeOffset now, CancellationToken ct)
    {
        var code = programme.Subsidy.SchemeCode;
        var year = FinancialYear.Of(now);
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                var usage = await db.SubsidyUsage.FirstOrDefaultAsync(u => u.VendorId == vendorId && u.SchemeCode == code && u.FinancialYear == year.StartYear, ct);
                if (usage is null)
                {
                    usage = new SubsidyUsage(vendorId, code, year, await EnrolledAsync(db, vendorId, code, year, ct), now);
                    db.SubsidyUsage.Add(usage);
                }
                var subsidy = SubsidyFormula.Compute(programme.Subsidy, programme.FeeHkd, usage.UsedHkd, now);
                var enrolment = new Enrolment(Guid.NewGuid(), programme, vendorId, talentId, subsidy, now);
                usage.Add(subsidy.AmountHkd, now);
                db.Enrolments.Add(enrolment);
                await db.SaveChangesAsync(ct);
                return enrolment;
            }
            // A version that moved on (DbUpdateConcurrencyException) or a first row another enrolment inserted (key violation).
            catch (DbUpdateException) when (attempt < MaxAttempts && !ct.IsCancellationRequested)
            {
                db.ChangeTracker.Clear();
            }
        }
    }

    /// <summary>The sum of the enterprise's enrolments, for a year whose usage row does not exist yet.</summary>
    private static async Task<decimal> EnrolledAsync(TalentDbContext db, Guid vendorId, string schemeCode, FinancialYear year, CancellationToken ct)
    {
        // Summed here, not in SQL: SQLite stores money as cents through a converter that an aggregate would bypass.
        var amounts = await db.Enrolments.AsNoTracking()
            .Where(e => e.VendorId == vendorId && e.SchemeCode == schemeCode && e.FinancialYear == year.StartYear)
            .Select(e => e.SubsidyHkd).ToListAsync(ct);
        return amounts.Sum();
    }
}
