using System.Globalization;

namespace Marketplace.Bench.Matching;

/// <summary>The command line.</summary>
internal sealed record Options(
    IReadOnlyList<int> Sizes, IReadOnlyList<string> Providers, int SqliteMaxSize, int Scenarios, int Verify, int Runs, int Warmup, int MinimumRuns, int BudgetSeconds,
    int SnapshotBuilds, IReadOnlyList<string> BurstModes, int BurstEvents, int BurstVendors, int BurstRuns, bool Notifications, int Seed, string? Output, bool Keep)
{
    public const string Usage = """
        usage: dotnet run -c Release --project bench/Marketplace.Bench.Matching -- [options]
          --sizes 10000,100000        vendors per recommendations database (default 10000,100000)
          --providers postgres,sqlite databases for the recommendations part (default both; "none" skips the part)
          --sqlite-max-size 10000     SQLite only at sizes up to this many vendors (default 10000: its SQL
                                      ranking takes tens of seconds per call at 100,000)
          --scenarios 20              open scenarios ranked round-robin (default 20)
          --verify 3                  scenarios whose SQL top 20 is compared with the in-memory top 20 before
                                      timing (default 3); every timed SQL result (other scenarios) is compared too
          --runs 200                  timed runs per method and configuration (default 200)
          --warmup 3                  untimed runs per in-memory method first (default 3; the verification
                                      pass warms the SQL query)
          --budget 30                 seconds of timed runs per method and configuration; a method that has
                                      spent them stops before --runs (default 30)
          --min-runs 5                timed runs per method even beyond the budget (default 5)
          --snapshot-builds 3         timed snapshot builds per configuration (default 3)
          --burst-modes sqlite-inmemory,postgres-inmemory,postgres-rabbitmq
                                      burst configurations (default all three; "none" skips the part)
          --burst 1000                ScenarioPublished events per burst (default 1000)
          --burst-vendors 10000       vendors loaded for the burst (default 10000)
          --burst-runs 1              bursts per mode, each on a fresh database and host (default 1)
          --notifications true        also wait, in the first run of the PostgreSQL + RabbitMQ mode (else of the
                                      last mode), until the strong-match notification pass has caught up with
                                      the burst: minutes more (default false)
          --seed 2026                 Random seed of the generated data (default 2026)
          --output <file>             where to write the report (default bench/results/matching.md)
          --keep true                 leave the recommendation databases (PostgreSQL bench_matching_<size>, SQLite
                                      files in the temporary folder) for inspection, e.g. EXPLAIN ANALYZE of the
                                      query (default false)
        PostgreSQL from MARKETPLACE_BENCH_POSTGRES (default Host=127.0.0.1;Port=55442;Username=postgres;Password=postgres),
        RabbitMQ from MARKETPLACE_BENCH_RABBITMQ (default amqp://guest:guest@127.0.0.1:5683/).
        """;

    public static readonly string[] KnownProviders = ["postgres", "sqlite"];

    public static readonly string[] KnownBurstModes = ["sqlite-inmemory", "postgres-inmemory", "postgres-rabbitmq"];

    /// <summary>The options, or null when the command line is wrong.</summary>
    public static Options? Parse(string[] args)
    {
        var options = new Options([10_000, 100_000], KnownProviders, 10_000, 20, 3, 200, 3, 5, 30, 3, KnownBurstModes, 1000, 10_000, 1, false, 2026, null, false);
        for (var i = 0; i < args.Length; i++)
        {
            var value = i + 1 < args.Length ? args[i + 1] : null;
            if (value is null)
            {
                return null;
            }
            switch (args[i])
            {
                case "--sizes" when Integers(value) is { Count: > 0 } sizes && sizes.TrueForAll(s => s > 0):
                    options = options with { Sizes = sizes };
                    break;
                case "--providers" when List(value, KnownProviders) is { } providers:
                    options = options with { Providers = providers };
                    break;
                case "--sqlite-max-size" when Integer(value) is > 0 and var sqliteMax:
                    options = options with { SqliteMaxSize = sqliteMax };
                    break;
                case "--scenarios" when Integer(value) is > 0 and var scenarios:
                    options = options with { Scenarios = scenarios };
                    break;
                case "--verify" when Integer(value) is > 0 and var verify:
                    options = options with { Verify = verify };
                    break;
                case "--runs" when Integer(value) is > 0 and var runs:
                    options = options with { Runs = runs };
                    break;
                case "--warmup" when Integer(value) is >= 0 and var warmup:
                    options = options with { Warmup = warmup };
                    break;
                case "--budget" when Integer(value) is > 0 and var budget:
                    options = options with { BudgetSeconds = budget };
                    break;
                case "--min-runs" when Integer(value) is > 0 and var minimumRuns:
                    options = options with { MinimumRuns = minimumRuns };
                    break;
                case "--snapshot-builds" when Integer(value) is > 0 and var builds:
                    options = options with { SnapshotBuilds = builds };
                    break;
                case "--burst-modes" when List(value, KnownBurstModes) is { } modes:
                    options = options with { BurstModes = modes };
                    break;
                case "--burst" when Integer(value) is > 0 and var events:
                    options = options with { BurstEvents = events };
                    break;
                case "--burst-vendors" when Integer(value) is > 0 and var vendors:
                    options = options with { BurstVendors = vendors };
                    break;
                case "--burst-runs" when Integer(value) is > 0 and var burstRuns:
                    options = options with { BurstRuns = burstRuns };
                    break;
                case "--notifications" when bool.TryParse(value, out var notifications):
                    options = options with { Notifications = notifications };
                    break;
                case "--seed" when Integer(value) is { } seed:
                    options = options with { Seed = seed };
                    break;
                case "--output":
                    options = options with { Output = value };
                    break;
                case "--keep" when bool.TryParse(value, out var keep):
                    options = options with { Keep = keep };
                    break;
                default:
                    return null;
            }
            i++;
        }
        return options;
    }

    /// <summary>The options as they were used, for the report.</summary>
    public IEnumerable<string> Normalized() =>
    [
        "--sizes", string.Join(',', Sizes.Select(Text)),
        "--providers", Providers.Count == 0 ? "none" : string.Join(',', Providers),
        "--sqlite-max-size", Text(SqliteMaxSize),
        "--scenarios", Text(Scenarios),
        "--verify", Text(Verify),
        "--runs", Text(Runs),
        "--warmup", Text(Warmup),
        "--budget", Text(BudgetSeconds),
        "--min-runs", Text(MinimumRuns),
        "--snapshot-builds", Text(SnapshotBuilds),
        "--burst-modes", BurstModes.Count == 0 ? "none" : string.Join(',', BurstModes),
        "--burst", Text(BurstEvents),
        "--burst-vendors", Text(BurstVendors),
        "--burst-runs", Text(BurstRuns),
        "--notifications", Notifications ? "true" : "false",
        "--seed", Text(Seed),
        .. Keep ? new[] { "--keep", "true" } : [],
    ];

    private static string Text(int value) => value.ToString(CultureInfo.InvariantCulture);

    /// <summary>A comma-separated subset of the known names in their canonical order; "none" is the empty list.</summary>
    private static List<string>? List(string value, string[] known)
    {
        if (value == "none")
        {
            return [];
        }
        var names = value.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        return names.Length > 0 && names.All(known.Contains) ? known.Where(names.Contains).ToList() : null;
    }

    private static int? Integer(string value) =>
        int.TryParse(value, NumberStyles.Integer, CultureInfo.InvariantCulture, out var parsed) ? parsed : null;

    private static List<int>? Integers(string value)
    {
        var parts = value.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        var numbers = parts.Select(Integer).ToList();
        return numbers.TrueForAll(n => n is not null) ? numbers.Select(n => n!.Value).ToList() : null;
    }
}
