using Marketplace.Contracts.Identity;
using Marketplace.Funding.Data;
using Marketplace.Funding.Domain;
using Marketplace.Testing;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace Marketplace.IntegrationTests.Funding;

/// <summary>
/// The migration that added <c>assessor_slots</c> gives the assignments already stored in the
/// applications' JSON column their slots, exactly as the domain keeps them, on SQLite and PostgreSQL.
/// </summary>
public sealed class AssessorSlotMigrationTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 20, 9, 30, 15, 123, TimeSpan.Zero);

    [Fact]
    public async Task Assignments_stored_before_the_slots_existed_get_their_slots_from_the_migration_on_SQLite()
    {
        var file = Path.Combine(Path.GetTempPath(), $"funding-slots-{Guid.NewGuid():N}.db");
        try
        {
            await AssertBackfillAsync(() => new SqliteFundingDbContext(new DbContextOptionsBuilder<SqliteFundingDbContext>()
                .UseSqlite($"Data Source={file};Pooling=false").Options));
        }
        finally
        {
            SqliteConnection.ClearAllPools();
            File.Delete(file);
        }
    }

    [Fact]
    public async Task Assignments_stored_before_the_slots_existed_get_their_slots_from_the_migration_on_PostgreSQL()
    {
        await using var database = PostgresDatabase.Reserve("funding");
        await AssertBackfillAsync(() => new PostgresFundingDbContext(new DbContextOptionsBuilder<PostgresFundingDbContext>()
            .UseNpgsql(database.ConnectionString).Options));
    }

    private static async Task AssertBackfillAsync(Func<FundingDbContext> open)
    {
        var (accepted, declined, pending) = (Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid());
        Guid applicationId;
        await using (var db = open())
        {
            await db.Database.MigrateAsync();
            var scheme = new Scheme(Guid.NewGuid(), Guid.NewGuid(), SchemeCatalogue.HongKong(Now.AddMonths(-1)).Single(s => s.Code == "TVP"));
            var application = FundingApplication.Direct(Guid.NewGuid(), scheme, Guid.NewGuid(), "Bus arrival forecasts", "巴士到站預測", "transport", null, Now);
            application.Complete("Bus arrival forecasts", "巴士到站預測", [new BudgetLine(CostType.Manpower, 400_000m, "team")], 100_000m, true, true);
            var vendor = new VendorFacts(Guid.NewGuid());
            vendor.Registration("12345678");
            vendor.Details("Harbour AI Limited", "港灣智能有限公司", SizeClass.SME, OrganisationStatus.Approved, Now.AddYears(-1));
            application.Submit(EligibilityEngine.Evaluate(scheme, application.Facts, vendor, []), Now);
            application.AssignAssessors([accepted, declined], 2, Now);
            application.AssignAssessors([accepted, declined, pending], 2, Now.AddHours(3).AddTicks(4_567));
            application.Respond(accepted, accept: true, null, null, Now);
            application.Respond(declined, accept: false, DeclineReason.ConflictOfInterest, "Former employer", Now);
            db.AddRange(scheme, application);
            await db.SaveChangesAsync();
            applicationId = application.Id;

            // Back to the schema before the slots, and forward again: the migration alone fills the table.
            var migrations = db.Database.GetMigrations().ToList();
            var before = migrations[migrations.FindIndex(m => m.EndsWith("_AssessorSlots", StringComparison.Ordinal)) - 1];
            await db.GetService<IMigrator>().MigrateAsync(before);
            await db.Database.MigrateAsync();
        }
        await using (var db = open())
        {
            var slots = await db.AssessorSlots.Where(s => s.ApplicationId == applicationId).OrderBy(s => s.AssignedAt).ThenBy(s => s.Response).ToListAsync();
            Assert.Equal(
                [(AssignmentResponse.Pending, pending), (AssignmentResponse.Accepted, accepted), (AssignmentResponse.Declined, declined)],
                slots.Select(s => (s.Response, s.AssessorId)).OrderBy(s => s.Response));
            // Instants survive to the millisecond (SQLite's conversion goes through a floating-point day count).
            var times = slots.ToDictionary(s => s.AssessorId, s => s.AssignedAt);
            Assert.InRange((times[accepted] - Now).Duration(), TimeSpan.Zero, TimeSpan.FromMilliseconds(1));
            Assert.InRange((times[pending] - Now.AddHours(3).AddTicks(4_567)).Duration(), TimeSpan.Zero, TimeSpan.FromMilliseconds(1));
            // The queries read what the migration wrote.
            Assert.Equal(1, await db.Applications.CountAsync(a => a.Id == applicationId && db.AssessorSlots.Any(s => s.ApplicationId == a.Id && s.AssessorId == pending)));
            Assert.Equal(0, await db.Applications.Where(a => a.Id == applicationId).CountAsync(FundingApplication.NotWithheldFrom(declined)));
            Assert.Equal(1, await db.Applications.Where(a => a.Id == applicationId).CountAsync(FundingApplication.NotWithheldFrom(accepted)));
        }
    }
}
