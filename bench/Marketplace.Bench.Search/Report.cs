using System.Globalization;
using System.Runtime.InteropServices;
using System.Text;

namespace Marketplace.Bench.Search;

/// <summary>The Markdown report: machine, data load, a p50/p95 summary with growth factors, and every percentile.</summary>
internal static class Report
{
    private static readonly CultureInfo _invariant = CultureInfo.InvariantCulture;

    public static string Build(IReadOnlyList<Configuration> configurations, string commandLine, Options options, string? loadAverage)
    {
        var md = new StringBuilder();
        void Line(string line = "") => md.Append(line).Append('\n');

        Line("# Catalogue search benchmark");
        Line();
        Line(Invariant($"`{commandLine}`"));
        Line();
        Line(Invariant($"Each search is `ScenarioListing.SearchAsync`, the code behind `GET /api/catalogue/scenarios`, for an anonymous caller on a fresh DbContext: one grouped query for the total and the area, sector, status and department facets, one for the capability facet (unnest on PostgreSQL; on SQLite the matching rows' capability lists, counted in memory), the page, and the department and batch look-ups. Times in milliseconds, measured around the whole call (Stopwatch, client side, round trips included)."));
        Line();
        Line(Invariant($"Up to {options.Runs} timed runs per search and configuration after {options.Warmup} warm-up runs, round-robin over the searches; a search that has spent its budget of {options.BudgetSeconds} s of timed runs stops early but gets at least {options.MinimumRuns} runs (marked * below; with so few runs p95 and p99 are close to the maximum)."));
        Line();
        Line(Invariant($"The data: published scenarios generated through the domain (draft, submit, approve, publish in weekly batches of {ScenarioGenerator.BatchSize:N0}) from recombined sentences of the bilingual demo scenarios (Zipf-like frequencies, pilot districts and places), {ScenarioGenerator.DepartmentCount} departments, random area, sector, capabilities and budget; Random seed {options.Seed}."));
        Line();

        Line("| machine | |");
        Line("|---|---|");
        Line(Invariant($"| date (UTC) | {DateTimeOffset.UtcNow:yyyy-MM-dd HH:mm} |"));
        var cpu = CpuModel() is { } model ? $" ({model})" : "";
        Line(Invariant($"| processors | {Environment.ProcessorCount}{cpu} |"));
        Line(Invariant($"| memory | {GC.GetGCMemoryInfo().TotalAvailableMemoryBytes / (1024.0 * 1024 * 1024):F1} GiB |"));
        Line(Invariant($"| OS | {RuntimeInformation.OSDescription} ({RuntimeInformation.OSArchitecture}) |"));
        Line(Invariant($"| .NET | {RuntimeInformation.FrameworkDescription}, {(IsRelease ? "Release" : "Debug")} build |"));
        foreach (var engine in configurations.Select(c => c.EngineVersion).Distinct())
        {
            Line(Invariant($"| database | {engine} |"));
        }
        if (loadAverage is not null)
        {
            Line(Invariant($"| load average at start | {loadAverage} |"));
        }
        Line();

        Line("## Data load");
        Line();
        Line("| provider | scenarios | migrate | generate + insert | then | database size |");
        Line("|---|---:|---:|---:|---|---:|");
        foreach (var c in configurations)
        {
            Line(Invariant($"| {c.Provider} | {c.Size:N0} | {c.Migrate.TotalSeconds:F1} s | {c.Load.TotalSeconds:F1} s ({c.Size / c.Load.TotalSeconds:N0}/s) | {c.SettleDescription} {c.Settle.TotalSeconds:F1} s | {c.DatabaseBytes / (1024.0 * 1024):N0} MiB |"));
        }
        Line();

        Line("## p50 / p95 (ms) and growth");
        Line();
        md.Append(Summary(configurations, options.Runs));
        Line();

        Line("## All percentiles");
        foreach (var c in configurations)
        {
            Line();
            Line(Invariant($"### {c.Provider}, {c.Size:N0} scenarios"));
            Line();
            Line("| search | query string | matches | runs | p50 | p95 | p99 | mean |");
            Line("|---|---|---:|---:|---:|---:|---:|---:|");
            foreach (var m in c.Measurements)
            {
                Line(Invariant($"| {m.Query.Name} | `{m.Query.QueryString}` | {m.Matches:N0} | {m.Runs} | {Ms(m.P50)} | {Ms(m.P95)} | {Ms(m.P99)} | {Ms(m.Mean)} |"));
            }
        }
        return md.ToString();
    }

    /// <summary>
    /// One row per search; per provider a "p50 / p95" cell for each size and, with two or more sizes,
    /// the growth of p50 and p95 from the smallest to the largest size.
    /// </summary>
    public static string Summary(IReadOnlyList<Configuration> configurations, int runs)
    {
        var md = new StringBuilder();
        var providers = configurations.GroupBy(c => c.Provider).Select(g => g.OrderBy(c => c.Size).ToList()).ToList();
        var header = new List<string> { "search" };
        foreach (var sizes in providers)
        {
            header.AddRange(sizes.Select(c => $"{c.Provider} {Size(c.Size)}"));
            if (sizes.Count > 1)
            {
                header.Add(Invariant($"growth {Size(sizes[^1].Size)}/{Size(sizes[0].Size)}"));
            }
        }
        md.Append("| ").AppendJoin(" | ", header).Append(" |\n");
        md.Append("|---").Append(string.Concat(Enumerable.Repeat("|---:", header.Count - 1))).Append("|\n");

        var queries = configurations[0].Measurements.Select(m => m.Query).ToList();
        for (var q = 0; q < queries.Count; q++)
        {
            var cells = new List<string> { Invariant($"{queries[q].Name} `{queries[q].QueryString}`") };
            foreach (var sizes in providers)
            {
                cells.AddRange(sizes.Select(c => Cell(c.Measurements[q], runs)));
                if (sizes.Count > 1)
                {
                    var (small, large) = (sizes[0].Measurements[q], sizes[^1].Measurements[q]);
                    cells.Add(Invariant($"×{large.P50 / small.P50:F1} / ×{large.P95 / small.P95:F1}"));
                }
            }
            md.Append("| ").AppendJoin(" | ", cells).Append(" |\n");
        }
        return md.ToString();
    }

    private static string Cell(Measurement m, int runs)
    {
        var fewer = m.Runs < runs ? "*" : "";
        return Invariant($"{Ms(m.P50)} / {Ms(m.P95)}{fewer}");
    }

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
