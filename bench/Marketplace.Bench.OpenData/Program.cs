using System.Globalization;
using System.Runtime.InteropServices;
using System.Text;
using Marketplace.Bench.OpenData;
using Marketplace.OpenData;
using Marketplace.OpenData.Data;
using Marketplace.Testing;
using Microsoft.EntityFrameworkCore;

// Open data at 100k scenarios: compile every record, stream the full JSON Lines and CSV downloads (bench/README.md).
//   dotnet run -c Release --project bench/Marketplace.Bench.OpenData -- [--scenarios 100000] [--providers sqlite,postgres] [--output path]
var options = args.Select((a, i) => (a, i)).Where(x => x.a.StartsWith("--", StringComparison.Ordinal) && x.i + 1 < args.Length)
    .ToDictionary(x => x.a[2..], x => args[x.i + 1], StringComparer.Ordinal);
var scenarios = int.Parse(options.GetValueOrDefault("scenarios", "100000"), CultureInfo.InvariantCulture);
var providers = options.GetValueOrDefault("providers", "sqlite,postgres").Split(',');
var output = options.GetValueOrDefault("output", Path.Combine("bench", "results", "opendata.md"));
var openData = new OpenDataOptions();
// In UTC: PostgreSQL's timestamp with time zone takes only offset 0 (the services store UTC instants too).
var start = new DateTimeOffset(2026, 1, 5, 1, 0, 0, TimeSpan.Zero);

var rows = new List<string>();
var loads = new List<string>();
foreach (var provider in providers)
{
    var folder = Path.Combine(Path.GetTempPath(), "bench-opendata-" + Guid.NewGuid().ToString("N"));
    PostgresDatabase? database = null;
    Func<OpenDataDbContext> factory;
    if (provider == "postgres")
    {
        database = PostgresDatabase.Reserve("opendata");
        var cs = database.ConnectionString;
        factory = () => new PostgresOpenDataDbContext(new DbContextOptionsBuilder<PostgresOpenDataDbContext>().UseNpgsql(cs).Options);
    }
    else
    {
        Directory.CreateDirectory(folder);
        var cs = $"Data Source={Path.Combine(folder, "opendata.db")}";
        factory = () => new SqliteOpenDataDbContext(new DbContextOptionsBuilder<SqliteOpenDataDbContext>().UseSqlite(cs).Options);
    }
    try
    {
        await using (var db = factory())
        {
            await db.Database.MigrateAsync();
            if (provider != "postgres")
            {
                await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;");
            }
        }
        Console.Error.WriteLine($"{provider}: seeding {scenarios:N0} scenarios");
        var clock = System.Diagnostics.Stopwatch.StartNew();
        var releases = await Seeder.SeedAsync(factory, openData, scenarios, start);
        if (provider == "postgres")
        {
            await using var db = factory();
            await db.Database.ExecuteSqlRawAsync("VACUUM ANALYZE");
        }
        loads.Add(string.Create(CultureInfo.InvariantCulture, $"| {provider} | {scenarios:N0} | {releases:N0} | {clock.Elapsed.TotalSeconds:F0} s |"));
        Console.Error.WriteLine("  " + loads[^1]);
        foreach (var (phase, work) in new (string, Func<OpenDataDbContext, Task<long>>)[]
                 {
                     ("compile every record", Phases.CompileAllAsync),
                     ("releases.jsonl (all)", Phases.JsonLinesAsync),
                     ("contracting.csv (all)", Phases.ContractingCsvAsync),
                 })
        {
            await using var db = factory();
            Console.Error.WriteLine($"  {phase}");
            var m = await Measurement.RunAsync(phase, () => work(db));
            rows.Add(string.Create(CultureInfo.InvariantCulture,
                $"| {provider} | {m.Phase} | {m.Elapsed.TotalSeconds:F1} s | {scenarios / m.Elapsed.TotalSeconds:N0} | {Mb(m.OutputBytes)} | {Mb(m.PeakRssBytes)} | {Mb(m.PeakHeapBytes)} | {Mb(m.AllocatedBytes)} |"));
            Console.Error.WriteLine("  " + rows[^1]);
        }
    }
    finally
    {
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

var report = new StringBuilder();
report.AppendLine("# Open data at scale: records compiled, bulk downloads streamed");
report.AppendLine();
report.AppendLine(string.Create(CultureInfo.InvariantCulture,
    $"`dotnet run -c Release --project bench/Marketplace.Bench.OpenData -- --scenarios {scenarios} --providers {string.Join(',', providers)}` on {Environment.ProcessorCount} processors, {RuntimeInformation.OSDescription}, .NET {Environment.Version}, load average {LoadAverage()} at the end."));
report.AppendLine();
report.AppendLine("Per scenario: tender, tender update at the deadline, bid statistics at opening and (when it had proposals) the award, built by `ReleaseBuilder`/`ReleaseLog` and inserted in chunks of 5,000.");
report.AppendLine();
report.AppendLine("| Provider | Scenarios | Releases | Load time |");
report.AppendLine("|---|---:|---:|---:|");
loads.ForEach(l => report.AppendLine(l));
report.AppendLine();
report.AppendLine("Peak RSS is the process's resident high-water mark reset before each phase; peak GC heap is sampled every 20 ms; allocated is every byte allocated during the phase (garbage included). The downloads run their endpoint handlers and write into a sink that counts bytes.");
report.AppendLine();
report.AppendLine("| Provider | Phase | Time | Scenarios/s | Output | Peak RSS | Peak GC heap | Allocated |");
report.AppendLine("|---|---|---:|---:|---:|---:|---:|---:|");
rows.ForEach(r => report.AppendLine(r));
Console.WriteLine(report);
Directory.CreateDirectory(Path.GetDirectoryName(output)!);
await File.WriteAllTextAsync(output, report.ToString());

static string Mb(long bytes) => (bytes / 1024d / 1024d).ToString("N0", CultureInfo.InvariantCulture) + " MB";

static string LoadAverage() => File.Exists("/proc/loadavg") ? string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3)) : "n/a";
