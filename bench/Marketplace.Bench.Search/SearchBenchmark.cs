using System.Diagnostics;
using System.Security.Claims;
using Marketplace.Catalogue.Api;

namespace Marketplace.Bench.Search;

/// <summary>Loads one database and times every search on it.</summary>
internal sealed class SearchBenchmark(DemoText text, int seed, int runs, int warmup, int minimumRuns, TimeSpan budget, TextWriter progress)
{
    /// <summary>Fixed, so that the data (publication dates, deadlines) is the same on every run.</summary>
    public static readonly DateTimeOffset Now = new(2026, 6, 1, 0, 0, 0, TimeSpan.Zero);

    private static readonly ClaimsPrincipal _anonymous = new(new ClaimsIdentity());

    public async Task<Configuration> RunAsync(BenchDatabase database, int size, CancellationToken ct)
    {
        var clock = Stopwatch.StartNew();
        await database.CreateAsync(ct);
        var migrate = clock.Elapsed;

        clock.Restart();
        await LoadAsync(database, size, ct);
        var load = clock.Elapsed;
        clock.Restart();
        await database.SettleAsync(ct);
        var settle = clock.Elapsed;
        progress.WriteLine($"{database.Provider} {size:N0}: loaded in {load.TotalSeconds:F1} s, {database.SettleDescription} {settle.TotalSeconds:F1} s");

        var queries = BenchQuery.All;
        var matches = new int?[queries.Count];
        var samples = queries.Select(_ => new List<double>(runs)).ToArray();
        var warmupSpent = new double[queries.Count];
        for (var w = 0; w < warmup; w++)
        {
            for (var q = 0; q < queries.Count; q++)
            {
                // A search slower than a tenth of its budget per run gets a single warm-up run.
                if (w == 0 || warmupSpent[q] < budget.TotalMilliseconds / 10)
                {
                    var (total, elapsed) = await SearchAsync(database, queries[q], ct);
                    matches[q] = total;
                    warmupSpent[q] += elapsed;
                }
            }
        }

        // Round-robin, so that whatever else the machine does spreads over all searches alike. A search
        // stops once it has its runs, or its budget is spent and it has at least the minimum runs.
        var spent = new double[queries.Count];
        bool Active(int q) => samples[q].Count < runs && (samples[q].Count < minimumRuns || spent[q] < budget.TotalMilliseconds);
        clock.Restart();
        var lastReport = TimeSpan.Zero;
        for (var round = 1; Enumerable.Range(0, queries.Count).Any(Active); round++)
        {
            for (var q = 0; q < queries.Count; q++)
            {
                if (!Active(q))
                {
                    continue;
                }
                var (total, elapsed) = await SearchAsync(database, queries[q], ct);
                if (matches[q] is { } expected && total != expected)
                {
                    throw new InvalidOperationException($"{queries[q].Name}: {total} matches, {expected} before.");
                }
                matches[q] = total;
                samples[q].Add(elapsed);
                spent[q] += elapsed;
            }
            if (round % 50 == 0 || clock.Elapsed - lastReport > TimeSpan.FromMinutes(1))
            {
                lastReport = clock.Elapsed;
                progress.WriteLine($"{database.Provider} {size:N0}: round {round} ({clock.Elapsed.TotalSeconds:F0} s)");
            }
        }

        return new Configuration(database.Provider, size, await database.EngineVersionAsync(ct), migrate, load, settle,
            database.SettleDescription, await database.SizeBytesAsync(ct),
            queries.Select((q, i) => new Measurement(q, matches[i] ?? 0, samples[i])).ToList());
    }

    /// <summary>
    /// Inserts the generated scenarios batch by batch (AddRange + SaveChanges per 1,000, then a cleared
    /// change tracker), after the departments they belong to. No outbox rows: events are not under test.
    /// </summary>
    private async Task LoadAsync(BenchDatabase database, int size, CancellationToken ct)
    {
        var generator = new ScenarioGenerator(text, seed);
        await using var db = database.NewContext();
        db.ChangeTracker.AutoDetectChangesEnabled = false;
        db.Departments.AddRange(generator.Departments);
        await db.SaveChangesAsync(ct);
        db.ChangeTracker.Clear();
        var loaded = 0;
        foreach (var (batch, scenarios) in generator.Generate(size, Now))
        {
            db.Batches.Add(batch);
            db.Scenarios.AddRange(scenarios);
            await db.SaveChangesAsync(ct);
            db.ChangeTracker.Clear();
            loaded += scenarios.Count;
            if (loaded % 20_000 == 0)
            {
                progress.WriteLine($"{database.Provider} {size:N0}: {loaded:N0} scenarios inserted");
            }
        }
    }

    /// <summary>One request's work: a fresh context, the whole search (count, page, facets, names), disposal.</summary>
    private static async Task<(int Total, double Milliseconds)> SearchAsync(BenchDatabase database, BenchQuery query, CancellationToken ct)
    {
        var started = Stopwatch.GetTimestamp();
        int total;
        await using (var db = database.NewContext())
        {
            var (result, errors, forbidden) = await ScenarioListing.SearchAsync(query.Query, _anonymous, db, database.Search, ct);
            if (result is null)
            {
                throw new InvalidOperationException($"{query.Name}: rejected ({string.Join(", ", errors.Fields)}{forbidden?.En})");
            }
            total = result.TotalCount;
        }
        return (total, Stopwatch.GetElapsedTime(started).TotalMilliseconds);
    }
}
