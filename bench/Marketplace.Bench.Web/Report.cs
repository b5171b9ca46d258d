using System.Globalization;
using System.Runtime.InteropServices;
using System.Text;

namespace Marketplace.Bench.Web;

/// <summary>The Markdown report: machine, method, then one table per measure with p50/p95/p99/max and the load average.</summary>
internal static class Report
{
    public static string Build(IReadOnlyList<Cell> cells, string arguments, int matches, int httpSamples, int browserSamples)
    {
        var md = new StringBuilder();
        void Line(string line = "") => md.Append(line).Append('\n');
        string I(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);

        Line("# Web UI page benchmark");
        Line();
        Line(I($"`dotnet run -c Release --project bench/Marketplace.Bench.Web -- {arguments}`"));
        Line();
        Line("The standalone host (Production environment, SQLite, in-memory bus, the demo data) started from its Release build output on a loopback port, "
            + "as the browser tests start it; the benchmark's clients, Chromium and the host share the machine's cores. Anonymous visitors, English. "
            + "Each page calls the catalogue's HTTP API through the same origin, as in distributed mode.");
        Line();
        Line(I($"- **server HTML**: `HttpClient`, one per user (own connections and cookies), the page requested in a loop, about {httpSamples} timed requests per cell shared out over the users, after 5 warm-up requests and one per user; *first byte* is the time to the response headers and the body's first byte, *whole* to its last byte."));
        Line(I($"- **page load**: Debian's Chromium (headless, Playwright), one browser context per user (a returning visitor: stylesheet and scripts cached after the first load), `page.goto` to the `load` event, about {browserSamples} timed loads per cell shared out over the users, after one unmeasured round."));
        Line(I($"- **enhanced navigation**: from a loaded page, a click on a link until the target's content shows, blazor.web.js fetching the page and patching the DOM; a sample where the browser made a full load instead is rejected (counted below). About {browserSamples} per cell."));
        Line(I($"- Users run concurrently, each starting its next request when the last one ends. Percentiles are nearest-rank over every user's samples. The search finds {matches} of the demo scenarios; the detail page is its first result."));
        Line();
        Line("| machine | |");
        Line("|---|---|");
        Line(I($"| date (UTC) | {DateTimeOffset.UtcNow:yyyy-MM-dd HH:mm} |"));
        Line(I($"| processors | {Environment.ProcessorCount}{(CpuModel() is { } model ? $" ({model})" : "")} |"));
        Line(I($"| OS | {RuntimeInformation.OSDescription} ({RuntimeInformation.OSArchitecture}) |"));
        Line(I($"| .NET | {RuntimeInformation.FrameworkDescription} |"));
        Line();
        foreach (var measure in cells.Select(c => c.Measure).Distinct())
        {
            var group = cells.Where(c => c.Measure == measure).ToList();
            var secondary = group.Any(c => c.Samples.Secondary is not null);
            Line(I($"## {measure} (ms)"));
            Line();
            Line(secondary
                ? "| page | users | samples | first byte p50 | p95 | p99 | max | whole p50 | p95 | p99 | load average before → after |"
                : "| page | users | samples | p50 | p95 | p99 | max | load average before → after |");
            Line(secondary ? "|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---|" : "|---|---:|---:|---:|---:|---:|---:|---|");
            foreach (var c in group.OrderBy(c => c.Page, StringComparer.Ordinal).ThenBy(c => c.Users))
            {
                var p = c.Samples.Primary;
                var rejected = c.Samples.Rejected > 0 ? I($" ({c.Samples.Rejected} full loads rejected)") : "";
                var row = I($"| {c.Page} | {c.Users} | {c.Samples.Count}{rejected} | {p.P50:F0} | {p.P95:F0} | {p.P99:F0} | {p.Max:F0} |");
                if (c.Samples.Secondary is { } w)
                {
                    row += I($" {w.P50:F0} | {w.P95:F0} | {w.P99:F0} |");
                }
                Line(row + I($" {c.LoadBefore} → {c.LoadAfter} |"));
            }
            Line();
        }
        return md.ToString();
    }

    private static string? CpuModel()
    {
        const string CpuInfo = "/proc/cpuinfo";
        return File.Exists(CpuInfo)
            ? File.ReadLines(CpuInfo).FirstOrDefault(l => l.StartsWith("model name", StringComparison.Ordinal))?.Split(':', 2)[1].Trim()
            : null;
    }
}
