using System.Diagnostics;
using Marketplace.Contracts.Catalogue;

namespace Marketplace.Bench.Matching;

/// <summary>Creates a matching database and fills its vendor read models (and open scenarios) through EF Core.</summary>
internal static class DataLoader
{
    /// <summary>Vendors per SaveChanges (with their solutions, about 1.75 each).</summary>
    public const int BatchSize = 2000;

    /// <summary>Fixed, so that the data (registration and award dates) is the same on every run.</summary>
    public static readonly DateTimeOffset Now = new(2026, 6, 1, 0, 0, 0, TimeSpan.Zero);

    /// <summary>
    /// Drops and migrates the database, then inserts <paramref name="vendors"/> generated vendors, their
    /// projects and success cases and the given open scenarios: AddRange + SaveChanges per
    /// <see cref="BatchSize"/> vendors, change tracking off, a cleared change tracker after each batch. No
    /// inbox, outbox or audit rows: the read models are as the consumers would have left them.
    /// </summary>
    public static async Task<LoadFacts> LoadAsync(
        BenchDatabase database, DemoText text, int seed, int vendors, IReadOnlyList<ScenarioPublished> openScenarios, TextWriter progress, CancellationToken ct)
    {
        var clock = Stopwatch.StartNew();
        await database.CreateAsync(ct);
        var migrate = clock.Elapsed;

        clock.Restart();
        var generator = new VendorGenerator(text, seed);
        int profiles = 0, active = 0, solutions = 0;
        await using (var db = database.NewContext())
        {
            db.ChangeTracker.AutoDetectChangesEnabled = false;
            foreach (var batch in generator.Vendors(vendors, BatchSize, Now))
            {
                db.VendorProfiles.AddRange(batch.Profiles);
                db.VendorSolutions.AddRange(batch.Solutions);
                await db.SaveChangesAsync(ct);
                db.ChangeTracker.Clear();
                profiles += batch.Profiles.Count;
                active += batch.Profiles.Count(p => p.IsActive);
                solutions += batch.Solutions.Count;
                if (profiles % 20_000 == 0)
                {
                    progress.WriteLine($"{database.Provider} {vendors:N0}: {profiles:N0} vendors inserted");
                }
            }
            var (projects, cases) = generator.TrackRecords(Now);
            foreach (var chunk in projects.Chunk(BatchSize * 2))
            {
                db.VendorProjects.AddRange(chunk);
                await db.SaveChangesAsync(ct);
                db.ChangeTracker.Clear();
            }
            foreach (var chunk in cases.Chunk(BatchSize * 2))
            {
                db.VendorSuccessCases.AddRange(chunk);
                await db.SaveChangesAsync(ct);
                db.ChangeTracker.Clear();
            }
            db.OpenScenarios.AddRange(openScenarios.Select(ScenarioGenerator.ReadModel));
            await db.SaveChangesAsync(ct);
            db.ChangeTracker.Clear();
            var load = clock.Elapsed;

            clock.Restart();
            await database.SettleAsync(ct);
            var settle = clock.Elapsed;
            progress.WriteLine($"{database.Provider} {vendors:N0}: loaded in {load.TotalSeconds:F1} s, {database.SettleDescription} {settle.TotalSeconds:F1} s");
            var withRecord = projects.Select(p => p.VendorId).Concat(cases.Select(c => c.VendorId)).Distinct().Count();
            var mostProjects = projects.Count == 0 ? 0 : projects.GroupBy(p => p.VendorId).Max(g => g.Count());
            return new LoadFacts(database.Provider, profiles, active, solutions, projects.Count, cases.Count, openScenarios.Count,
                withRecord, mostProjects, migrate, load, settle, database.SettleDescription, await database.SizeBytesAsync(ct));
        }
    }

    /// <summary><paramref name="count"/> scenario publications of the same generator (its own seed, so the same whatever the vendors).</summary>
    public static List<ScenarioPublished> Scenarios(DemoText text, int seed, int count, DateTimeOffset publishedAt)
    {
        var generator = new ScenarioGenerator(text, seed);
        return Enumerable.Range(0, count).Select(_ => generator.Next(publishedAt)).ToList();
    }
}
