using System.Globalization;
using System.Text;
using Marketplace.Bench.Matching;
using RabbitMQ.Client;

// Matching recommendations by size (in memory and as SQL) and ScenarioPublished bursts; see bench/README.md.
//   dotnet run -c Release --project bench/Marketplace.Bench.Matching -- [--sizes 10000,100000] [--providers postgres,sqlite]
//       [--burst-modes sqlite-inmemory,postgres-inmemory,postgres-rabbitmq] [--runs 200] [--budget 60] [--seed 2026] ...
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
// MassTransit 8.4 reports anonymous usage telemetry to usage-tracking.masstransit.io from every bus it starts;
// this program talks to loopback servers only.
Environment.SetEnvironmentVariable("MASSTRANSIT_USAGE_TELEMETRY", "false");
var progress = Console.Error;
var text = DemoText.Load(Path.Combine(AppContext.BaseDirectory, "demo-data.json"));

var loadAverage = File.Exists("/proc/loadavg") ? string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3)) : null;
var postgres = Environment.GetEnvironmentVariable(PostgresBenchDatabase.EnvironmentVariable) is { Length: > 0 } fromEnvironment
    ? fromEnvironment
    : PostgresBenchDatabase.DefaultConnectionString;
var rabbitMq = Environment.GetEnvironmentVariable("MARKETPLACE_BENCH_RABBITMQ") is { Length: > 0 } rabbitFromEnvironment
    ? rabbitFromEnvironment
    : "amqp://guest:guest@127.0.0.1:5683/";
var sqliteFolder = Path.Combine(Path.GetTempPath(), $"marketplace-bench-matching-{Environment.ProcessId}");
Directory.CreateDirectory(sqliteFolder);

var skipped = new List<string>();
string? rabbitMqVersion = null;
var burstModes = options.BurstModes.ToList();
if (burstModes.Contains("postgres-rabbitmq"))
{
    try
    {
        rabbitMqVersion = await RabbitMqVersionAsync(rabbitMq, ct);
    }
    catch (Exception ex) when (ex is not OperationCanceledException)
    {
        burstModes.Remove("postgres-rabbitmq");
        skipped.Add($"PostgreSQL + RabbitMQ burst: no broker at {new Uri(rabbitMq).Host}:{new Uri(rabbitMq).Port} ({ex.GetType().Name}: {ex.Message}).");
        progress.WriteLine(skipped[^1]);
    }
}

var rankings = new List<RankingConfiguration>();
var bursts = new List<BurstConfiguration>();
string? postgresSql = null;
try
{
    var benchmark = new RankingBenchmark(text, options, progress);
    foreach (var size in options.Sizes)
    {
        var providers = options.Providers.Where(p => p != "sqlite" || size <= options.SqliteMaxSize).ToList();
        if (providers.Count < options.Providers.Count)
        {
            skipped.Add($"SQLite recommendations at {size:N0} vendors (above --sqlite-max-size {options.SqliteMaxSize:N0}).");
        }
        for (var p = 0; p < providers.Count; p++)
        {
            BenchDatabase database;
            SqlRanking ranking;
            if (providers[p] == "postgres")
            {
                var pg = new PostgresBenchDatabase(postgres, size.ToString(CultureInfo.InvariantCulture)) { Keep = options.Keep };
                (database, ranking) = (pg, new PostgresRanking(pg.ConnectionString));
                postgresSql = ranking.Sql;
            }
            else
            {
                var sqlite = new SqliteBenchDatabase(Path.Combine(sqliteFolder, size.ToString(CultureInfo.InvariantCulture))) { Keep = options.Keep };
                (database, ranking) = (sqlite, new SqliteRanking(sqlite.ConnectionString));
            }
            await using (database)
            {
                rankings.Add(await benchmark.RunAsync(database, ranking, size, inMemory: p == 0, ct));
            }
        }
    }

    var burst = new BurstBenchmark(text, options, burstModes, postgres, rabbitMq, sqliteFolder, progress);
    foreach (var mode in burstModes)
    {
        try
        {
            bursts.Add(await burst.RunAsync(mode, ct));
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            // A failed mode is reported, and the measurements made so far are still written.
            skipped.Add($"burst {mode}: failed with {ex.GetType().Name}: {ex.Message}");
            progress.WriteLine(ex);
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
    if (options.Keep)
    {
        progress.WriteLine($"Kept the SQLite databases in {sqliteFolder}");
    }
    else
    {
        Directory.Delete(sqliteFolder, recursive: true);
    }
}

var commandLine = "dotnet run -c Release --project bench/Marketplace.Bench.Matching -- " + string.Join(' ', options.Normalized());
var loadAverageAtEnd = File.Exists("/proc/loadavg") ? string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3)) : null;
var report = Report.Build(rankings, bursts, skipped, commandLine, options, (loadAverage, loadAverageAtEnd), rabbitMqVersion, postgresSql);
Console.Write(report);
var output = options.Output ?? Path.Combine(RepositoryRoot(), "bench", "results", "matching.md");
Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(output))!);
await File.WriteAllTextAsync(output, report, CancellationToken.None);
progress.WriteLine($"Written to {output}");
return 0;

// The broker's version, which also proves it is there before a mode depends on it.
static async Task<string> RabbitMqVersionAsync(string uri, CancellationToken ct)
{
    var factory = new ConnectionFactory { Uri = new Uri(uri) };
    await using var connection = await factory.CreateConnectionAsync(ct);
    return connection.ServerProperties?.TryGetValue("version", out var version) == true && version is byte[] bytes
        ? Encoding.UTF8.GetString(bytes)
        : "(version unknown)";
}

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
