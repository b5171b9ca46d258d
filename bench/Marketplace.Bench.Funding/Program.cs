using System.Globalization;
using System.Runtime.InteropServices;
using System.Text;
using Marketplace.Bench.Funding;
using Marketplace.Testing;

// Award → application latency of the funding service for bursts of ProjectAwarded (bench/README.md).
//   dotnet run -c Release --project bench/Marketplace.Bench.Funding -- [--modes sqlite-inmemory,postgres-rabbitmq] [--awards 1000] [--rates 200,0] [--output path] [--log Information]
Environment.SetEnvironmentVariable("MASSTRANSIT_USAGE_TELEMETRY", "false");
var options = args.Select((a, i) => (a, i)).Where(x => x.a.StartsWith("--", StringComparison.Ordinal) && x.i + 1 < args.Length)
    .ToDictionary(x => x.a[2..], x => args[x.i + 1], StringComparer.Ordinal);
var modes = options.GetValueOrDefault("modes", "sqlite-inmemory,postgres-rabbitmq").Split(',');
var awards = int.Parse(options.GetValueOrDefault("awards", "1000"), CultureInfo.InvariantCulture);
var rates = options.GetValueOrDefault("rates", "200,0").Split(',').Select(r => int.Parse(r, CultureInfo.InvariantCulture)).ToList();
var output = options.GetValueOrDefault("output", Path.Combine("bench", "results", "funding.md"));

// The machine's load matters on a shared two-core box: recorded at the start and the end of the run.
static string Load() => File.Exists("/proc/loadavg") ? string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3)) : "n/a";
var loadAtStart = Load();
var rows = new List<string>();
foreach (var mode in modes)
{
    foreach (var rate in rates)
    {
        var settings = new Dictionary<string, string?>
        {
            ["Database:MigrateOnStart"] = "true",
            ["Auth:Authority"] = "http://127.0.0.1:9/no-identity-here",
            ["Auth:RequireHttpsMetadata"] = "false",
            ["Logging:LogLevel:Default"] = "Warning",
            // --log Information shows the consumer's batches (how many awards each applied).
            ["Logging:LogLevel:Marketplace.Funding"] = options.GetValueOrDefault("log", "Warning"),
        };
        var folder = Path.Combine(Path.GetTempPath(), "bench-funding-" + Guid.NewGuid().ToString("N"));
        PostgresDatabase? database = null;
        RabbitVirtualHost? vhost = null;
        try
        {
            if (mode.StartsWith("postgres", StringComparison.Ordinal))
            {
                database = PostgresDatabase.Reserve("funding");
                settings["Database:Provider"] = "Postgres";
                settings["ConnectionStrings:funding"] = database.ConnectionString;
            }
            else
            {
                Directory.CreateDirectory(folder);
                settings["Database:Provider"] = "Sqlite";
                settings["Database:DataFolder"] = folder;
            }
            if (mode.EndsWith("rabbitmq", StringComparison.Ordinal))
            {
                vhost = await RabbitVirtualHost.CreateAsync();
                settings["Messaging:Transport"] = "RabbitMq";
                settings["Messaging:RabbitMqUri"] = vhost.Uri;
            }
            else
            {
                settings["Messaging:Transport"] = "InMemory";
            }
            Console.Error.WriteLine($"{mode}, {(rate > 0 ? $"{rate} awards/s" : "all at once")}:");
            var (timings, all) = await new AwardBurst(settings, awards, rate, Console.Error).RunAsync(CancellationToken.None);
            var latencies = timings.Select(t => (t.Opened - t.Published).TotalMilliseconds).Order().ToArray();
            double P(double p) => latencies[Math.Clamp((int)Math.Ceiling(p * latencies.Length) - 1, 0, latencies.Length - 1)];
            rows.Add(string.Create(CultureInfo.InvariantCulture,
                $"| {mode} | {(rate > 0 ? $"{rate}/s" : "at once")} | {awards} | {P(0.50):F0} | {P(0.95):F0} | {P(0.99):F0} | {latencies[^1]:F0} | {all.TotalSeconds:F2} |"));
        }
        finally
        {
            if (vhost is not null)
            {
                await vhost.DisposeAsync();
            }
            if (database is not null)
            {
                await database.DisposeAsync();
            }
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            if (Directory.Exists(folder))
            {
                Directory.Delete(folder, recursive: true);
            }
        }
    }
}

var report = new StringBuilder()
    .AppendLine("# Funding: award → application")
    .AppendLine()
    .AppendLine(CultureInfo.InvariantCulture, $"{Environment.ProcessorCount} processors, {RuntimeInformation.OSDescription}, .NET {Environment.Version}; {DateTime.UtcNow:yyyy-MM-dd HH:mm} UTC; load average (1, 5, 15 min) {loadAtStart} at the start, {Load()} at the end.")
    .AppendLine()
    .AppendLine("ProjectAwarded is consumed in batches (up to 100 awards per transaction, a partial batch 20 ms after its first award; one batch at a time on SQLite, four on PostgreSQL; ADR 0013).")
    .AppendLine()
    .AppendLine("Latency per award in ms, from its publish to its application's creation in the `ProjectAwarded` consumer; the last column is when every application was committed.")
    .AppendLine()
    .AppendLine("| mode | rate | awards | p50 | p95 | p99 | max | all committed (s) |")
    .AppendLine("|---|---|---|---|---|---|---|---|");
rows.ForEach(r => report.AppendLine(r));
Console.WriteLine(report);
Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(output))!);
await File.WriteAllTextAsync(output, report.ToString());
return 0;
