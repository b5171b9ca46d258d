using System.Diagnostics;
using System.Security.Claims;
using Marketplace.Matching.Api;
using Marketplace.Matching.Recommendations;
using Marketplace.ServiceDefaults.Auth;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Marketplace.Bench.Matching;

/// <summary>
/// Loads one recommendations database and measures, round-robin over its open scenarios: the snapshot build,
/// the in-memory ranking, the whole request handler, the snapshot's freshness check, and the same ranking as
/// one SQL query, which must agree with the in-memory ranking on every scenario.
/// </summary>
internal sealed class RankingBenchmark(DemoText text, Options options, TextWriter progress)
{
    public const int Top = 20;

    public const string InMemory = "in memory: Recommender.VendorsFor";
    public const string Handler = "request handler: RecommendationsApi.VendorsAsync";
    public const string ScoreOnly = "in memory, scoring only: Recommender.Score for every vendor";
    public const string Freshness = "freshness check: RecommendationIndex.CurrentAsync (unchanged)";

    /// <summary>The caller of the request handler: an administrator may read any scenario's recommendations.</summary>
    public static readonly ClaimsPrincipal Administrator = new(new ClaimsIdentity(
        [new Claim(MarketplaceClaims.Role, Roles.Admin), new Claim(MarketplaceClaims.Name, "bench")], "bench", MarketplaceClaims.Name, MarketplaceClaims.Role));

    public static string SqlName(string provider) => $"one SQL query ({provider})";

    /// <param name="inMemory">Whether to time the provider-independent in-memory ranking too (once per size is enough).</param>
    public async Task<RankingConfiguration> RunAsync(BenchDatabase database, SqlRanking? ranking, int size, bool inMemory, CancellationToken ct)
    {
        var published = DataLoader.Scenarios(text, options.Seed + 1, options.Scenarios, DataLoader.Now.AddDays(-1));
        var load = await DataLoader.LoadAsync(database, text, options.Seed, size, published, progress, ct);

        // Snapshot builds: a first one to compile the queries and JIT the code, then timed ones on new indexes.
        var builds = new List<double>();
        using (var warm = new RecommendationIndex())
        {
            await using var db = database.NewContext();
            await warm.CurrentAsync(db, ct);
        }
        // Memory: what the heap loses when a built snapshot is let go (after minus released), which leaves out
        // whatever the build leaves behind (pools, query caches). Each reading is taken on a fresh stack
        // (Task.Yield): frames of the just-completed build on the continuation's stack still reference its result.
        long snapshotBytes = 0;
        RecommendationIndex? index = null;
        RecommendationIndex.Snapshot? snapshot = null;
        for (var b = 0; b < options.SnapshotBuilds; b++)
        {
            var before = await HeapBytesAsync();
            index = new RecommendationIndex();
            var started = Stopwatch.GetTimestamp();
            await using (var db = database.NewContext())
            {
                snapshot = await index.CurrentAsync(db, ct);
            }
            builds.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
            var after = await HeapBytesAsync();
            GC.KeepAlive(snapshot);
            if (b == options.SnapshotBuilds - 1 && b > 0)
            {
                break;
            }
            index.Dispose();
            index = null;
            snapshot = null;
            var released = await HeapBytesAsync();
            snapshotBytes = Math.Max(snapshotBytes, after - released);
            progress.WriteLine($"{database.Provider} {size:N0}: heap {before / 1048576.0:F1} MiB before a build, {after / 1048576.0:F1} MiB after, {released / 1048576.0:F1} MiB once it is released");
            if (options.SnapshotBuilds == 1)
            {
                index = new RecommendationIndex();
                await using var db = database.NewContext();
                snapshot = await index.CurrentAsync(db, ct);
            }
        }
        using var current = index!;
        var scenarios = published.Select(p => snapshot!.Scenarios.Single(s => s.Id == p.ScenarioId)).ToList();
        progress.WriteLine($"{database.Provider} {size:N0}: snapshot of {snapshot!.Vendors.Count:N0} vendors in {builds.Order().ElementAt(builds.Count / 2):F0} ms, {snapshotBytes / (1024.0 * 1024):F0} MiB");

        // Verification pass (also the SQL query's warm-up): the SQL top 20 must equal the in-memory top 20.
        var expected = new Dictionary<Guid, IReadOnlyList<Recommendation>>();
        IReadOnlyList<Recommendation> Expected(ScenarioCandidate s) =>
            expected.TryGetValue(s.Id, out var e) ? e : expected[s.Id] = Recommender.VendorsFor(s, snapshot.Vendors, Top);
        var resultSizes = new List<int>();
        var verified = new HashSet<Guid>();
        if (ranking is not null)
        {
            foreach (var scenario in scenarios.Take(options.Verify))
            {
                var actual = await ranking.TopAsync(scenario, Top, ct);
                Verify(scenario, Expected(scenario), actual, snapshot, ranking.Provider);
                verified.Add(scenario.Id);
                resultSizes.Add(actual.Count);
            }
            progress.WriteLine($"{database.Provider} {size:N0}: SQL top {Top} = in-memory top {Top} (ids and scores) for {verified.Count} scenarios");
        }
        ExplainFacts? defaultJit = null;
        if (ranking is PostgresRanking postgres)
        {
            var (planning, execution, jit) = await postgres.ExplainDefaultAsync(scenarios[0], ct);
            defaultJit = new ExplainFacts(planning, execution, jit);
            progress.WriteLine($"{database.Provider} {size:N0}: with the server's default jit=on: execution {execution:F0} ms, of which JIT {jit:F0} ms");
        }

        (ScenarioCandidate Scenario, IReadOnlyList<RankedVendor> Actual)? pendingCheck = null;
        var methods = new List<(string Name, Func<ScenarioCandidate, Task> Run)>();
        if (inMemory)
        {
            methods.Add((InMemory, s =>
            {
                _ = Recommender.VendorsFor(s, snapshot.Vendors, Top);
                return Task.CompletedTask;
            }));
            // Where the ranking's time goes: scoring alone (with its bilingual reasons), without the relevance filter and the sort.
            methods.Add((ScoreOnly, s =>
            {
                foreach (var vendor in snapshot.Vendors)
                {
                    _ = Recommender.Score(s, vendor);
                }
                return Task.CompletedTask;
            }));
        }
        methods.Add((Handler, async s =>
        {
            await using var db = database.NewContext();
            var result = await RecommendationsApi.VendorsAsync(s.Id, Top, Administrator, db, current, ct);
            if (result.Result is not Ok<IReadOnlyList<VendorRecommendation>>)
            {
                throw new InvalidOperationException($"The handler refused scenario {s.Id}: {result.Result}");
            }
        }));
        methods.Add((Freshness, async _ =>
        {
            await using var db = database.NewContext();
            if (!ReferenceEquals(await current.CurrentAsync(db, ct), snapshot))
            {
                throw new InvalidOperationException("The snapshot was rebuilt although nothing changed.");
            }
        }));
        var sqlRuns = 0;
        if (ranking is not null)
        {
            methods.Add((SqlName(ranking.Provider), async s =>
            {
                var actual = await ranking.TopAsync(s, Top, ct);
                // Checked after the clock stops (the expected ranking is computed once per scenario, outside any timing).
                pendingCheck = (s, actual);
            }));
        }

        var measurements = new List<Measurement>();
        foreach (var (name, run) in methods)
        {
            var isSql = name.StartsWith("one SQL", StringComparison.Ordinal);
            measurements.Add(await MeasureAsync($"{database.Provider} {size:N0}", name, scenarios, run, isSql ? 0 : options.Warmup, () =>
            {
                if (pendingCheck is var (s, actual))
                {
                    Verify(s, Expected(s), actual, snapshot, ranking!.Provider);
                    verified.Add(s.Id);
                    resultSizes.Add(actual.Count);
                    sqlRuns++;
                    pendingCheck = null;
                }
            }));
        }
        if (ranking is not null)
        {
            progress.WriteLine($"{database.Provider} {size:N0}: all {sqlRuns} timed SQL results equal the in-memory ranking ({verified.Count} scenarios)");
        }
        return new RankingConfiguration(database.Provider, size, await database.EngineVersionAsync(ct), load,
            new Measurement("snapshot build", builds), snapshotBytes, snapshot.Vendors.Count, measurements,
            verified.Count, sqlRuns, resultSizes.Count == 0 ? 0 : resultSizes.Average(), defaultJit);
    }

    private static async Task<long> HeapBytesAsync()
    {
        await Task.Yield();
        return GC.GetTotalMemory(forceFullCollection: true);
    }

    /// <summary>
    /// Warm-up runs, then timed runs round-robin over the scenarios until --runs, or until the budget is
    /// spent and at least --min-runs are done.
    /// </summary>
    private async Task<Measurement> MeasureAsync(
        string configuration, string name, List<ScenarioCandidate> scenarios, Func<ScenarioCandidate, Task> run, int warmup, Action afterRun)
    {
        for (var w = 0; w < warmup; w++)
        {
            await run(scenarios[w % scenarios.Count]);
            afterRun();
        }
        var samples = new List<double>(options.Runs);
        var spent = 0.0;
        var budget = options.BudgetSeconds * 1000.0;
        for (var i = 0; samples.Count < options.Runs && (samples.Count < options.MinimumRuns || spent < budget); i++)
        {
            var started = Stopwatch.GetTimestamp();
            // Timed runs start after the scenarios of the verification pass, so the SQL results checked while timing are of others.
            await run(scenarios[(i + options.Verify) % scenarios.Count]);
            var elapsed = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
            afterRun();
            samples.Add(elapsed);
            spent += elapsed;
        }
        var measurement = new Measurement(name, samples);
        progress.WriteLine($"{configuration}: {name}: p50 {measurement.P50:F2} ms, p95 {measurement.P95:F2} ms ({measurement.Runs} runs)");
        return measurement;
    }

    /// <summary>Same vendors, same order, same scores; otherwise explains the first difference and stops the benchmark.</summary>
    private void Verify(ScenarioCandidate scenario, IReadOnlyList<Recommendation> expected, IReadOnlyList<RankedVendor> actual,
        RecommendationIndex.Snapshot snapshot, string provider)
    {
        var same = expected.Count == actual.Count
            && expected.Zip(actual).All(p => p.First.VendorId == p.Second.VendorId && p.First.Score == p.Second.Score);
        if (same)
        {
            return;
        }
        progress.WriteLine($"MISMATCH for scenario {scenario.Id} (sector {scenario.Sector}, capabilities {string.Join(',', scenario.Capabilities)}, {scenario.Tokens.Count} tokens):");
        progress.WriteLine($"  in memory: {expected.Count} vendors; {provider}: {actual.Count} vendors");
        var vendors = snapshot.Vendors.ToDictionary(v => v.Id);
        for (var i = 0; i < Math.Max(expected.Count, actual.Count); i++)
        {
            var e = i < expected.Count ? expected[i] : null;
            var a = i < actual.Count ? actual[i] : null;
            var marker = e?.VendorId == a?.VendorId && e?.Score == a?.Score ? " " : "*";
            var reasons = e is null ? "" : string.Join(" ", e.Reasons.Select(r => $"{r.Code}={r.Points}"));
            var sql = a is null ? "" : $"capabilities={a.Capabilities} sector-solutions={a.SectorSolutions} text={a.Text} sector-projects={a.SectorProjects} track-record={a.TrackRecord} fairness={a.Fairness}";
            progress.WriteLine($" {marker}{i + 1,3}  memory {e?.VendorId} {e?.Score,3} [{reasons}]");
            progress.WriteLine($"        sql    {a?.VendorId} {a?.Score,3} [{sql}]");
            if (marker == "*" && a is not null && vendors.TryGetValue(a.VendorId, out var vendor))
            {
                var own = Recommender.Score(scenario, vendor);
                progress.WriteLine($"        in memory the SQL's vendor scores {own.Score} [{string.Join(" ", own.Reasons.Select(r => $"{r.Code}={r.Points}"))}]");
            }
        }
        throw new InvalidOperationException($"The {provider} ranking differs from the in-memory ranking for scenario {scenario.Id}.");
    }
}
