using System.Globalization;
using System.Text;
using Marketplace.Testing;

namespace Marketplace.SoakTests;

/// <summary>
/// The soak's figures: every host's RSS curve as CSV (one row a sample round, one column a host, MB) and a markdown summary
/// (per host: RSS at the start, after the warm-up, mid-way, at the end and its maximum, the memory verdict, and the requests it
/// served with their errors and latency; then every kind of request).
/// </summary>
public sealed class SoakReport
{
    private SoakReport(string csv, string markdown, IReadOnlyDictionary<string, MemoryVerdict> verdicts)
    {
        Csv = csv;
        Markdown = markdown;
        Verdicts = verdicts;
    }

    public string Csv { get; }

    public string Markdown { get; }

    public IReadOnlyDictionary<string, MemoryVerdict> Verdicts { get; }

    /// <summary>
    /// <c>soak/</c> in the folder test.sh's caller names with <c>MARKETPLACE_TEST_RESULTS</c> (relative to the repository root,
    /// where test.sh runs), else in the repository's <c>TestResults</c>, kept after the run like the browser tests' screenshots.
    /// </summary>
    public static string Folder
    {
        get
        {
            var root = HostProcesses.RepositoryRoot;
            var results = Environment.GetEnvironmentVariable("MARKETPLACE_TEST_RESULTS") is { Length: > 0 } named
                ? Path.GetFullPath(named, root)
                : Path.Combine(root, "TestResults");
            return Directory.CreateDirectory(Path.Combine(results, "soak")).FullName;
        }
    }

    public static SoakReport Build(SoakSettings settings, IReadOnlyList<string> hosts, IReadOnlyList<RssSample> samples,
        IReadOnlyList<RequestRecord> requests, TimeSpan loadTime, string machine)
    {
        var verdicts = hosts.ToDictionary(h => h, h => MemoryFlatness.Judge(
            [.. samples.Where(s => s.Host == h && s.Mb is not null).Select(s => (s.At, s.Mb!.Value))], settings.WarmUp, settings.Duration));
        var all = Latency.Of(requests);
        var text = new StringBuilder();
        text.AppendLine("# Soak through the gateway");
        text.AppendLine();
        text.AppendLine(Invariant($"{settings.RequestsPerSecond:0.#} operations/s for {settings.Duration.TotalMinutes:0.##} min (warm-up {settings.WarmUp.TotalSeconds:0} s, RSS every {settings.SampleInterval.TotalSeconds:0} s): {all.Requests:N0} requests in {loadTime.TotalSeconds:0} s ({all.Requests / loadTime.TotalSeconds:0.0} req/s), {all.Errors} errors, p50 {all.P50Ms:0.0} ms, p99 {all.P99Ms:0.0} ms, max {all.MaxMs:0} ms. {machine}"));
        text.AppendLine();
        text.AppendLine("Memory: median RSS of the last third of the measured span against the first third (after the warm-up); growth allowed: "
            + Invariant($"the larger of {MemoryFlatness.AllowedGrowthMb:0} MB and {MemoryFlatness.AllowedGrowthPercent:0} %."));
        text.AppendLine();
        text.AppendLine("| host | RSS at start (MB) | after warm-up | mid-way | at end | max | early / late median | growth (allowed) | flat | requests | errors | p50 ms | p99 ms |");
        text.AppendLine("|---|---:|---:|---:|---:|---:|---:|---:|---|---:|---:|---:|---:|");
        foreach (var host in hosts)
        {
            var curve = samples.Where(s => s.Host == host && s.Mb is not null).ToList();
            double At(TimeSpan t) => curve.MinBy(s => (s.At - t).Duration())!.Mb!.Value;
            var verdict = verdicts[host];
            var served = Latency.Of(host == DistributedHosts.Gateway ? requests : requests.Where(r => r.Service == host));
            text.AppendLine(Invariant($"| {host} | {At(TimeSpan.Zero):0} | {At(settings.WarmUp):0} | {At((settings.WarmUp + settings.Duration) / 2):0} | {At(settings.Duration):0} | {curve.Max(s => s.Mb!.Value):0} | {verdict.EarlyMedianMb:0} / {verdict.LateMedianMb:0} | {verdict.GrowthMb:+0.0;-0.0} ({verdict.AllowedGrowthMb:0}) | {(verdict.Flat ? "yes" : "**no**")} | {served.Requests:N0} | {served.Errors} | {served.P50Ms:0.0} | {served.P99Ms:0.0} |"));
        }
        text.AppendLine();
        text.AppendLine("| request | count | errors | p50 ms | p99 ms | max ms |");
        text.AppendLine("|---|---:|---:|---:|---:|---:|");
        foreach (var kind in requests.GroupBy(r => r.Kind).OrderByDescending(g => g.Count()))
        {
            var latency = Latency.Of(kind);
            text.AppendLine(Invariant($"| {kind.Key} | {latency.Requests:N0} | {latency.Errors} | {latency.P50Ms:0.0} | {latency.P99Ms:0.0} | {latency.MaxMs:0} |"));
        }
        return new(Curve(hosts, samples), text.ToString(), verdicts);
    }

    public void Write(string folder)
    {
        File.WriteAllText(Path.Combine(folder, "rss.csv"), Csv);
        File.WriteAllText(Path.Combine(folder, "summary.md"), Markdown);
    }

    private static string Curve(IReadOnlyList<string> hosts, IReadOnlyList<RssSample> samples)
    {
        var csv = new StringBuilder("elapsed_s," + string.Join(',', hosts.Select(h => h + "_rss_mb")) + "\n");
        foreach (var round in samples.GroupBy(s => s.At).OrderBy(g => g.Key))
        {
            var byHost = round.ToDictionary(s => s.Host, s => s.Mb);
            csv.Append(Invariant($"{round.Key.TotalSeconds:0.0}"));
            foreach (var host in hosts)
            {
                csv.Append(',').Append(byHost.GetValueOrDefault(host) is { } mb ? Invariant($"{mb:0.0}") : "");
            }
            csv.Append('\n');
        }
        return csv.ToString();
    }

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
