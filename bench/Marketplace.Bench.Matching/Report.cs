using System.Globalization;
using System.Runtime.InteropServices;
using System.Text;

namespace Marketplace.Bench.Matching;

/// <summary>The Markdown report: machine, data, recommendation latencies with growth, snapshots, agreement, bursts.</summary>
internal static class Report
{
    private static readonly CultureInfo _invariant = CultureInfo.InvariantCulture;

    public static string Build(
        IReadOnlyList<RankingConfiguration> rankings, IReadOnlyList<BurstConfiguration> bursts, IReadOnlyList<string> skipped,
        string commandLine, Options options, (string? Start, string? End) loadAverage, string? rabbitMqVersion, string? postgresSql)
    {
        var md = new StringBuilder();
        void Line(string line = "") => md.Append(line).Append('\n');

        Line("# Matching benchmark: recommendations and event bursts");
        Line();
        Line(Invariant($"`{commandLine}`"));
        Line();
        Line("| machine | |");
        Line("|---|---|");
        Line(Invariant($"| date (UTC) | {DateTimeOffset.UtcNow:yyyy-MM-dd HH:mm} |"));
        var cpu = CpuModel() is { } model ? $" ({model})" : "";
        Line(Invariant($"| processors | {Environment.ProcessorCount}{cpu} |"));
        Line(Invariant($"| memory | {GC.GetGCMemoryInfo().TotalAvailableMemoryBytes / (1024.0 * 1024 * 1024):F1} GiB |"));
        Line(Invariant($"| OS | {RuntimeInformation.OSDescription} ({RuntimeInformation.OSArchitecture}) |"));
        Line(Invariant($"| .NET | {RuntimeInformation.FrameworkDescription}, {(IsRelease ? "Release" : "Debug")} build, {(System.Runtime.GCSettings.IsServerGC ? "server" : "workstation")} GC |"));
        foreach (var engine in rankings.Select(c => c.EngineVersion).Concat(bursts.Select(b => b.EngineVersion)).Distinct())
        {
            Line(Invariant($"| database | {engine} |"));
        }
        if (rabbitMqVersion is not null)
        {
            Line(Invariant($"| broker | RabbitMQ {rabbitMqVersion} (MassTransit 8.4) |"));
        }
        if (loadAverage.Start is not null)
        {
            Line(Invariant($"| load average (1, 5, 15 min) | {loadAverage.Start} at start, {loadAverage.End} at the end |"));
        }
        Line();
        foreach (var note in skipped)
        {
            Line(Invariant($"> Not run: {note}"));
            Line();
        }

        if (rankings.Count > 0)
        {
            Recommendations(md, rankings, options);
        }
        if (bursts.Count > 0)
        {
            Bursts(md, bursts, options);
        }
        if (postgresSql is not null)
        {
            Line("## Appendix: the PostgreSQL query");
            Line();
            Line("Parameters: `@scenario` (uuid), `@tokens` (text[], the scenario's meaningful tokens as the snapshot holds them), `@token_count`, `@top` (20).");
            Line();
            Line("```sql");
            Line(postgresSql.TrimEnd());
            Line("```");
        }
        return md.ToString();
    }

    private static void Recommendations(StringBuilder md, IReadOnlyList<RankingConfiguration> rankings, Options options)
    {
        void Line(string line = "") => md.Append(line).Append('\n');
        Line("## Recommendations for one scenario (top 20)");
        Line();
        Line(Invariant($"What is timed, round-robin over {options.Scenarios} open scenarios (each call on its own, Stopwatch around it, client side):"));
        Line();
        Line(Invariant($"- **{RankingBenchmark.InMemory}**: scoring every vendor of the snapshot and ranking them (`Recommender.VendorsFor(scenario, snapshot.Vendors, 20)`), what `GET /api/matching/scenarios/{{id}}/recommended-vendors` computes; provider-independent, measured once per size."));
        Line(Invariant($"- **{RankingBenchmark.ScoreOnly}**: the same scoring (each vendor's score with its bilingual reasons) without the relevance filter and the sort, to show where the ranking's time goes."));
        Line(Invariant($"- **{RankingBenchmark.Handler}**: the endpoint's whole handler for an administrator on a fresh DbContext: the snapshot's freshness check (inbox count and latest time, two queries), the scenario look-up, the vendors dictionary it builds per request, the ranking and the response mapping."));
        Line(Invariant($"- **{RankingBenchmark.Freshness}**: the freshness check alone, on a fresh DbContext."));
        Line("- **one SQL query**: the same ranking as one query over the read-model tables (appendix), with a pooled connection opened per call; it recomputes every vendor's capability and sector sets and its set of meaningful tokens from `vendor_solutions` on each call. PostgreSQL runs it with JIT compilation off for the connection (`Options=-c jit=off`): with the server's default `jit=on` every call spends seconds compiling it (one EXPLAIN ANALYZE with the defaults per size below).");
        Line();
        Line(Invariant($"Agreement: before timing, the SQL top 20 (vendor ids, order and scores) of the first {options.Verify} scenarios is compared with `Recommender.VendorsFor`'s top 20, and so is every timed SQL result once its clock has stopped; any difference prints both rankings with each vendor's score components and stops the benchmark."));
        Line();
        Line(Invariant($"Up to {options.Runs} timed runs per method and configuration, after {options.Warmup} warm-up runs for the in-memory methods (the verification pass warms the SQL query); a method that has spent {options.BudgetSeconds} s of timed runs stops early but gets at least {options.MinimumRuns} runs (marked *; with so few runs p95 and p99 are the maximum)."));
        Line();
        Line("The data: vendors as the consumers build their read models. Per vendor a profile (45% startups, 40% SMEs, 15% large; 95% approved, the others pending and never recommended), one to three showcase solutions (50/35/15%) with 1–4 taxonomy capabilities and 1–2 sectors, mostly those of the demo solution whose name and summary it recombines with description sentences of the bilingual demo data; solution tokens by `SearchTokens.Index(nameEn, nameZh, summaryEn, summaryZh)` as `SolutionPublishedConsumer` does. Awarded projects (a quarter as many as vendors; 60% completed, 5% cancelled) and published success cases (a tenth as many) go to vendors Zipf-like (exponent 1, large vendors ranked first), so a few incumbents have many and most vendors none (table below). The scenarios: demo titles, 2–4 demo problem sentences, mostly the demo scenario's sector and 1–3 of its capabilities. Random seed " + options.Seed.ToString(_invariant) + ".");
        Line();

        Line("### Data load");
        Line();
        Line("| provider | vendors (approved) | solutions | projects | success cases | vendors with any | most projects | migrate | generate + insert | then | database size |");
        Line("|---|---:|---:|---:|---:|---:|---:|---:|---:|---|---:|");
        foreach (var c in rankings)
        {
            var l = c.Load;
            Line(Invariant($"| {c.Provider} | {l.Vendors:N0} ({l.ActiveVendors:N0}) | {l.Solutions:N0} | {l.Projects:N0} | {l.SuccessCases:N0} | {l.VendorsWithTrackRecord:N0} | {l.MostProjects:N0} | {l.Migrate.TotalSeconds:F1} s | {l.Load.TotalSeconds:F1} s | {l.SettleDescription} {l.Settle.TotalSeconds:F1} s | {l.DatabaseBytes / (1024.0 * 1024):N0} MiB |"));
        }
        Line();

        Line("### p50 / p95 (ms) and growth");
        Line();
        var sizes = rankings.Select(c => c.Size).Distinct().Order().ToList();
        var header = new List<string> { "method" };
        header.AddRange(sizes.Select(Size));
        if (sizes.Count > 1)
        {
            header.Add(Invariant($"growth {Size(sizes[^1])}/{Size(sizes[0])} (p50 / p95)"));
        }
        md.Append("| ").AppendJoin(" | ", header).Append(" |\n");
        md.Append("|---").Append(string.Concat(Enumerable.Repeat("|---:", header.Count - 1))).Append("|\n");
        foreach (var (label, bySize) in Rows(rankings))
        {
            var cells = new List<string> { label };
            cells.AddRange(sizes.Select(s => bySize.TryGetValue(s, out var m) ? Cell(m, options.Runs) : "—"));
            if (sizes.Count > 1)
            {
                cells.Add(bySize.TryGetValue(sizes[0], out var small) && bySize.TryGetValue(sizes[^1], out var large)
                    ? Invariant($"×{large.P50 / small.P50:F1} / ×{large.P95 / small.P95:F1}")
                    : "—");
            }
            md.Append("| ").AppendJoin(" | ", cells).Append(" |\n");
        }
        Line();

        Line("### All percentiles (ms)");
        Line();
        Line("| method | vendors | runs | p50 | p95 | p99 | mean | max |");
        Line("|---|---:|---:|---:|---:|---:|---:|---:|");
        foreach (var (label, bySize) in Rows(rankings))
        {
            foreach (var (size, m) in bySize.OrderBy(p => p.Key))
            {
                Line(Invariant($"| {label} | {size:N0} | {m.Runs} | {Ms(m.P50)} | {Ms(m.P95)} | {Ms(m.P99)} | {Ms(m.Mean)} | {Ms(m.Max)} |"));
            }
        }
        Line();

        Line("### Snapshot build and memory");
        Line();
        Line(Invariant($"`RecommendationIndex.CurrentAsync` on a new index and a fresh DbContext (the public path; it calls the internal `BuildAsync`): the stamp queries, then all vendor profiles, solutions, non-cancelled projects, success cases and open scenarios read with EF Core (no tracking) and turned into candidates. One untimed build first, then {options.SnapshotBuilds} timed. Memory: the heap with the built snapshot held (context disposed) minus the heap once it is let go, both by `GC.GetTotalMemory(true)` on a fresh stack (largest of the builds)."));
        Line();
        Line("| provider | vendors | in snapshot | builds | p50 | min | max | memory | per vendor |");
        Line("|---|---:|---:|---:|---:|---:|---:|---:|---:|");
        foreach (var c in rankings)
        {
            var b = c.SnapshotBuild;
            Line(Invariant($"| {c.Provider} | {c.Size:N0} | {c.SnapshotVendors:N0} | {b.Runs} | {Ms(b.P50)} ms | {Ms(b.Min)} ms | {Ms(b.Max)} ms | {c.SnapshotBytes / (1024.0 * 1024):F1} MiB | {c.SnapshotBytes / (double)Math.Max(1, c.SnapshotVendors) / 1024:F1} KiB |"));
        }
        Line();

        Line("### SQL and in-memory rankings agree; PostgreSQL JIT");
        Line();
        foreach (var c in rankings.Where(c => c.ScenariosVerified > 0))
        {
            Line(Invariant($"- {c.Provider}, {c.Size:N0} vendors: top 20 identical (vendor ids, order, scores) on {c.ScenariosVerified} different scenarios, in the verification pass and all {c.SqlRunsVerified} timed runs; {c.MeanResultSize:F1} vendors per result on average."));
        }
        Line();
        foreach (var c in rankings.Where(c => c.DefaultJit is not null))
        {
            var j = c.DefaultJit!;
            Line(Invariant($"- PostgreSQL's default `jit = on`, {c.Size:N0} vendors (one EXPLAIN ANALYZE, first scenario): planning {j.Planning:F0} ms, execution {j.Execution:F0} ms, of which JIT compilation {j.Jit:F0} ms."));
        }
        Line();
    }

    /// <summary>One row per method and provider (the in-memory ranking once), with its measurement per size.</summary>
    private static List<(string Label, Dictionary<int, Measurement> BySize)> Rows(IReadOnlyList<RankingConfiguration> rankings)
    {
        var rows = new List<(string Label, Dictionary<int, Measurement> BySize)>();
        foreach (var c in rankings)
        {
            foreach (var m in c.Measurements)
            {
                var label = m.Name == RankingBenchmark.InMemory || m.Name == RankingBenchmark.ScoreOnly || m.Name.StartsWith("one SQL", StringComparison.Ordinal) ? m.Name : $"{m.Name} ({c.Provider})";
                var row = rows.FindIndex(r => r.Label == label);
                if (row < 0)
                {
                    rows.Add((label, new Dictionary<int, Measurement>()));
                    row = rows.Count - 1;
                }
                rows[row].BySize[c.Size] = m;
            }
        }
        return rows;
    }

    private static void Bursts(StringBuilder md, IReadOnlyList<BurstConfiguration> bursts, Options options)
    {
        void Line(string line = "") => md.Append(line).Append('\n');
        Line(Invariant($"## Burst of {options.BurstEvents:N0} ScenarioPublished events"));
        Line();
        Line(Invariant($"The real matching module hosted in this process as `Marketplace.Matching.Host` builds it (`AddServiceDefaults`, `AddMatching`, `AddMessaging`; Kestrel on 127.0.0.1, host logging at Warning) on a database holding {options.BurstVendors:N0} generated vendors (same generator and seed as above) and no open scenario. One warm-up event is published, consumed, and recommended for (which builds the snapshot); where the module has strong-match notifications, their pass is let finish first. Then {options.BurstEvents:N0} `Marketplace.Contracts.Catalogue.ScenarioPublished` events (demo titles and problem sentences, English and Chinese) are published through the module's own `IBus` all at once (`Task.WhenAll` of the publishes)."));
        Line();
        Line("- **publish**: until every publish call has returned (in-memory: accepted into the queue; RabbitMQ: confirmed by the broker).");
        Line("- **absorbed**: until the matching database holds an inbox row of `ScenarioPublishedConsumer` for every event (each consumer commits its open-scenario row and its inbox row in one transaction), polled every 20 ms.");
        Line("- **first request**: the recommendation request (`RecommendationsApi.VendorsAsync`, as above) for the burst's last scenario, made as soon as the burst is absorbed; it finds the inbox changed and rebuilds the snapshot. **seen at** = absorbed + first request. **second request**: the next one, on the fresh snapshot.");
        Line(Invariant($"- **notifications**: where the module has them (`vendor_notifications`, match revisions), until the strong-match background pass (every `Matching:MatchNotificationSeconds`, default 15 s, chunks of 200 changed scenarios, each scored against every vendor of one snapshot) has looked at every scenario of the burst (no `open_scenarios` row with `MatchRevision > MatchedRevision`), and how many vendor notifications it wrote. It takes minutes, so only with `--notifications true` (here: {(options.Notifications ? "yes" : "no")}), and then only the first run of {BurstBenchmark.NotificationsMode(bursts.Select(x => x.Mode).ToList())}, waits for it; otherwise the pass goes on in the background while the requests are timed, as it would in production."));
        Line();
        Line("| mode | run | host start | warm request | publish | absorbed | events/s | first request | seen at | second request | notifications done | notifications |");
        Line("|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|");
        foreach (var b in bursts)
        {
            for (var i = 0; i < b.Runs.Count; i++)
            {
                var r = b.Runs[i];
                Line(Invariant($"| {b.Database} + {b.Transport} | {i + 1} | {S(r.HostStart)} | {Ms(r.WarmRequest.TotalMilliseconds)} ms | {S(r.Publish)} | **{S(r.Absorbed)}** | {b.Events / r.Absorbed.TotalSeconds:N0} | {Ms(r.FirstRequest.TotalMilliseconds)} ms | **{S(r.SeenByRequest)}** | {Ms(r.SecondRequest.TotalMilliseconds)} ms | {(r.NotificationsDone is { } d ? S(d) : r.Notifications is null ? "—" : Invariant($"not within {BurstBenchmark.NotificationsWait.TotalMinutes} min more"))} | {(r.Notifications is { } n ? n.ToString("N0", _invariant) : "—")} |"));
            }
        }
        Line();
        if (bursts.Count > 0)
        {
            var load = bursts[0].Runs[0].Load;
            Line(Invariant($"Each run loads a fresh database: {load.Vendors:N0} vendors ({load.ActiveVendors:N0} approved), {load.Solutions:N0} solutions, {load.Projects:N0} projects, {load.SuccessCases:N0} success cases; the snapshot the first request builds holds them and the {bursts[0].Runs[0].SnapshotScenarios:N0} open scenarios."));
            Line();
        }
    }

    private static string Cell(Measurement m, int runs) => Invariant($"{Ms(m.P50)} / {Ms(m.P95)}{(m.Runs < runs ? "*" : "")}");

    private static string S(TimeSpan t) => Invariant($"{t.TotalSeconds:F2} s");

    private static bool IsRelease =>
#if DEBUG
        false;
#else
        true;
#endif

    private static string Ms(double ms) => ms switch
    {
        < 10 => ms.ToString("F2", _invariant),
        < 1000 => ms.ToString("F1", _invariant),
        _ => ms.ToString("F0", _invariant),
    };

    private static string Size(int size) => size % 1000 == 0 ? Invariant($"{size / 1000}k") : size.ToString(_invariant);

    private static string Invariant(FormattableString text) => text.ToString(_invariant);

    private static string? CpuModel()
    {
        const string CpuInfo = "/proc/cpuinfo";
        if (!File.Exists(CpuInfo))
        {
            return null;
        }
        var line = File.ReadLines(CpuInfo).FirstOrDefault(l => l.StartsWith("model name", StringComparison.Ordinal));
        return line?[(line.IndexOf(':', StringComparison.Ordinal) + 1)..].Trim();
    }
}
