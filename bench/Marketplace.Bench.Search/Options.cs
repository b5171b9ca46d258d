using System.Globalization;

namespace Marketplace.Bench.Search;

/// <summary>The command line.</summary>
internal sealed record Options(
    IReadOnlyList<int> Sizes, IReadOnlyList<string> Providers, int Runs, int Warmup, int MinimumRuns, int BudgetSeconds, int Seed,
    string? Output, int? Vocabulary)
{
    public const string Usage = """
        usage: dotnet run -c Release --project bench/Marketplace.Bench.Search -- [options]
          --sizes 10000,100000        scenarios per database (default 10000,100000)
          --providers sqlite,postgres providers (default both; PostgreSQL from MARKETPLACE_BENCH_POSTGRES,
                                      default Host=127.0.0.1;Port=55432;Username=postgres;Password=postgres)
          --runs 200                  timed runs per search and configuration (default 200)
          --warmup 5                  untimed runs per search first (default 5; one for a search slower
                                      than a tenth of its budget)
          --budget 120                seconds of timed runs per search and configuration; a search that
                                      has spent them stops before --runs (default 120)
          --min-runs 10               timed runs per search even beyond the budget (default 10)
          --seed 2026                 Random seed of the generated data (default 2026)
          --output <file>             where to write the report (default bench/results/search.md)
          --vocabulary <n>            only print the token document frequencies of n generated scenarios
        """;

    private static readonly string[] _knownProviders = ["sqlite", "postgres"];

    /// <summary>The options, or null when the command line is wrong.</summary>
    public static Options? Parse(string[] args)
    {
        var options = new Options([10_000, 100_000], _knownProviders, 200, 5, 10, 120, 2026, null, null);
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
                case "--providers" when value.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries) is { Length: > 0 } providers
                    && providers.All(_knownProviders.Contains):
                    options = options with { Providers = providers.Distinct().ToList() };
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
                case "--seed" when Integer(value) is { } seed:
                    options = options with { Seed = seed };
                    break;
                case "--output":
                    options = options with { Output = value };
                    break;
                case "--vocabulary" when Integer(value) is > 0 and var vocabulary:
                    options = options with { Vocabulary = vocabulary };
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
        "--sizes", string.Join(',', Sizes.Select(s => s.ToString(CultureInfo.InvariantCulture))),
        "--providers", string.Join(',', Providers),
        "--runs", Runs.ToString(CultureInfo.InvariantCulture),
        "--warmup", Warmup.ToString(CultureInfo.InvariantCulture),
        "--budget", BudgetSeconds.ToString(CultureInfo.InvariantCulture),
        "--min-runs", MinimumRuns.ToString(CultureInfo.InvariantCulture),
        "--seed", Seed.ToString(CultureInfo.InvariantCulture),
    ];

    private static int? Integer(string value) =>
        int.TryParse(value, NumberStyles.Integer, CultureInfo.InvariantCulture, out var parsed) ? parsed : null;

    private static List<int>? Integers(string value)
    {
        var parts = value.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        var numbers = parts.Select(Integer).ToList();
        return numbers.TrueForAll(n => n is not null) ? numbers.Select(n => n!.Value).ToList() : null;
    }
}
