using System.Globalization;
using Marketplace.Bench.Search;

// Catalogue search latency by provider and size; see bench/README.md.
//   dotnet run -c Release --project bench/Marketplace.Bench.Search -- [--sizes 10000,100000] [--providers sqlite,postgres]
//       [--runs 200] [--warmup 5] [--budget 120] [--min-runs 10] [--seed 2026] [--output bench/results/search.md] [--vocabulary N]
CultureInfo.DefaultThreadCurrentCulture = CultureInfo.InvariantCulture;
CultureInfo.CurrentCulture = CultureInfo.InvariantCulture;

var options = Options.Parse(args);
if (options is null)
{
    Console.Error.WriteLine(Options.Usage);
    return 2;
}

using var cancel = new CancellationTokenSource();
Console.CancelKeyPress += (_, e) =>
{
    e.Cancel = true;
    cancel.Cancel();
};
var ct = cancel.Token;
var progress = Console.Error;
var text = DemoText.Load(Path.Combine(AppContext.BaseDirectory, "demo-data.json"));

if (options.Vocabulary is { } vocabularySize)
{
    // Document frequencies of the generated tokens, to choose common and rare query words.
    var frequencies = new Dictionary<string, int>(StringComparer.Ordinal);
    foreach (var (_, scenarios) in new ScenarioGenerator(text, options.Seed).Generate(vocabularySize, SearchBenchmark.Now))
    {
        foreach (var token in scenarios.SelectMany(s => $"{s.SearchTitle} {s.SearchBody}".Split(' ').Distinct(StringComparer.Ordinal)))
        {
            frequencies[token] = frequencies.GetValueOrDefault(token) + 1;
        }
    }
    foreach (var (token, count) in frequencies.OrderByDescending(f => f.Value).ThenBy(f => f.Key, StringComparer.Ordinal))
    {
        Console.WriteLine($"{count}\t{token}\t{(token[0] >= '\u3400' ? "zh" : "en")}");
    }
    return 0;
}

var loadAverage = File.Exists("/proc/loadavg") ? string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3)) : null;
var postgres = Environment.GetEnvironmentVariable(PostgresBenchDatabase.EnvironmentVariable) is { Length: > 0 } fromEnvironment
    ? fromEnvironment
    : PostgresBenchDatabase.DefaultConnectionString;
var sqliteFolder = Path.Combine(Path.GetTempPath(), $"marketplace-bench-search-{Environment.ProcessId}");
Directory.CreateDirectory(sqliteFolder);
var benchmark = new SearchBenchmark(
    text, options.Seed, options.Runs, options.Warmup, options.MinimumRuns, TimeSpan.FromSeconds(options.BudgetSeconds), progress);
var configurations = new List<Configuration>();
try
{
    foreach (var provider in options.Providers)
    {
        foreach (var size in options.Sizes)
        {
            await using BenchDatabase database = provider == "postgres"
                ? new PostgresBenchDatabase(postgres, size)
                : new SqliteBenchDatabase(sqliteFolder, size);
            configurations.Add(await benchmark.RunAsync(database, size, ct));
        }
    }
}
catch (OperationCanceledException) when (ct.IsCancellationRequested)
{
    progress.WriteLine("Interrupted; databases dropped, nothing written.");
    return 130;
}
finally
{
    Directory.Delete(sqliteFolder, recursive: true);
}

var commandLine = "dotnet run -c Release --project bench/Marketplace.Bench.Search -- " + string.Join(' ', options.Normalized());
var report = Report.Build(configurations, commandLine, options, loadAverage);
Console.Write(report);
var output = options.Output ?? Path.Combine(RepositoryRoot(), "bench", "results", "search.md");
Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(output))!);
await File.WriteAllTextAsync(output, report, CancellationToken.None);
progress.WriteLine($"Written to {output}");
return 0;

// The folder holding Marketplace.sln, from the working directory or the program's own location.
static string RepositoryRoot()
{
    foreach (var start in new[] { Directory.GetCurrentDirectory(), AppContext.BaseDirectory })
    {
        for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Marketplace.sln")))
            {
                return dir.FullName;
            }
        }
    }
    return Directory.GetCurrentDirectory();
}
