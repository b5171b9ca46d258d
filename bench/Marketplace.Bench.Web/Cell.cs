namespace Marketplace.Bench.Web;

/// <summary>
/// One measured configuration: what (first byte, page load, navigation), which page, how many concurrent users, every
/// sample in milliseconds, and the machine's load average before and after (the benchmark shares the cores with the host).
/// </summary>
internal sealed record Cell(string Measure, string Page, int Users, Samples Samples, string LoadBefore, string LoadAfter)
{
    public static async Task<Cell> MeasureAsync(string measure, string page, int users, Func<Task<Samples>> run)
    {
        var before = LoadAverage();
        var samples = await run();
        return new Cell(measure, page, users, samples, before, LoadAverage());
    }

    /// <summary>The 1-minute load average.</summary>
    private static string LoadAverage() =>
        File.Exists("/proc/loadavg") ? File.ReadAllText("/proc/loadavg").Split(' ')[0] : "?";
}

/// <summary>Timings of one cell; <see cref="Secondary"/> holds a second timing of the same requests (the whole HTML after its first byte).</summary>
internal sealed class Samples
{
    private readonly List<double> _primary = [];
    private readonly List<double> _secondary = [];

    /// <summary>Samples that did not count as measured: a navigation that fell back to a full page load.</summary>
    public int Rejected { get; private set; }

    public void Add(double primary, double? secondary = null)
    {
        lock (_primary)
        {
            _primary.Add(primary);
            if (secondary is { } s)
            {
                _secondary.Add(s);
            }
        }
    }

    public void Reject()
    {
        lock (_primary)
        {
            Rejected++;
        }
    }

    public int Count => _primary.Count;

    public Percentiles Primary => Percentiles.Of(_primary);

    public Percentiles? Secondary => _secondary.Count == 0 ? null : Percentiles.Of(_secondary);
}

internal sealed record Percentiles(double P50, double P95, double P99, double Max)
{
    /// <summary>Nearest-rank percentiles.</summary>
    public static Percentiles Of(IReadOnlyCollection<double> values)
    {
        var sorted = values.Order().ToArray();
        double P(double p) => sorted[Math.Clamp((int)Math.Ceiling(p * sorted.Length) - 1, 0, sorted.Length - 1)];
        return new Percentiles(P(0.50), P(0.95), P(0.99), sorted[^1]);
    }
}
