using System.Globalization;
using Marketplace.Matching.Data;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace Marketplace.Bench.Matching;

/// <summary>
/// One matching database on one provider, with the real schema (the migrations of the provider's context
/// subclass) and contexts built without the DI interceptors (no audit rows, no outbox signal). Disposing
/// drops it.
/// </summary>
internal abstract class BenchDatabase : IAsyncDisposable
{
    public abstract string Provider { get; }

    /// <summary>How the service would be configured for this database (<c>Database:Provider</c>, connection string).</summary>
    public abstract IReadOnlyDictionary<string, string?> HostSettings { get; }

    /// <summary>What is done after loading, before measuring (reported with the load time).</summary>
    public abstract string SettleDescription { get; }

    /// <summary>A new context, as each request gets one.</summary>
    public abstract MatchingDbContext NewContext();

    /// <summary>Drops a database left from an earlier run and applies the migrations.</summary>
    public abstract Task CreateAsync(CancellationToken ct);

    public abstract Task SettleAsync(CancellationToken ct);

    public abstract Task<string> EngineVersionAsync(CancellationToken ct);

    public abstract Task<long> SizeBytesAsync(CancellationToken ct);

    /// <summary>Whether the database has this table (a feature another change may add).</summary>
    public abstract Task<bool> HasTableAsync(string table, CancellationToken ct);

    /// <summary>Whether the table has this column.</summary>
    public abstract Task<bool> HasColumnAsync(string table, string column, CancellationToken ct);

    /// <summary>A single number from SQL the benchmark writes itself (counts of rows).</summary>
    public abstract Task<long> CountAsync(string sql, CancellationToken ct);

    public abstract ValueTask DisposeAsync();
}

/// <summary>PostgreSQL: database bench_matching_{name} on the server of MARKETPLACE_BENCH_POSTGRES.</summary>
internal sealed class PostgresBenchDatabase : BenchDatabase
{
    public const string EnvironmentVariable = "MARKETPLACE_BENCH_POSTGRES";
    public const string DefaultConnectionString = "Host=127.0.0.1;Port=55442;Username=postgres;Password=postgres";

    private readonly string _name;
    private readonly string _adminConnectionString;
    private readonly DbContextOptions<PostgresMatchingDbContext> _options;

    public PostgresBenchDatabase(string baseConnectionString, string name)
    {
        _name = $"bench_matching_{name}";
        ConnectionString = new NpgsqlConnectionStringBuilder(baseConnectionString) { Database = _name }.ConnectionString;
        _adminConnectionString = new NpgsqlConnectionStringBuilder(baseConnectionString) { Database = "postgres", Pooling = false }.ConnectionString;
        // As the service registers it (DatabaseSetup), minus the interceptors.
        _options = new DbContextOptionsBuilder<PostgresMatchingDbContext>()
            .UseNpgsql(ConnectionString, npgsql => npgsql.EnableRetryOnFailure(3))
            .Options;
    }

    public string ConnectionString { get; }

    /// <summary>Leave the database when disposed (--keep).</summary>
    public bool Keep { get; init; }

    public override string Provider => "PostgreSQL";

    public override IReadOnlyDictionary<string, string?> HostSettings => new Dictionary<string, string?>
    {
        ["Database:Provider"] = "Postgres",
        ["ConnectionStrings:matching"] = ConnectionString,
    };

    public override string SettleDescription => "VACUUM ANALYZE";

    public override MatchingDbContext NewContext() => new PostgresMatchingDbContext(_options);

    public override async Task CreateAsync(CancellationToken ct)
    {
        await DropAsync(ct);
        await using var db = NewContext();
        await db.Database.MigrateAsync(ct);
    }

    /// <summary>The steady state autovacuum reaches on a live server: statistics gathered, visibility map set.</summary>
    public override async Task SettleAsync(CancellationToken ct)
    {
        await using var connection = new NpgsqlConnection(ConnectionString);
        await connection.OpenAsync(ct);
        await using var command = new NpgsqlCommand("VACUUM ANALYZE", connection) { CommandTimeout = 0 };
        await command.ExecuteNonQueryAsync(ct);
    }

    public override async Task<string> EngineVersionAsync(CancellationToken ct) =>
        $"PostgreSQL {await ScalarAsync("SHOW server_version", ct)}";

    public override async Task<long> SizeBytesAsync(CancellationToken ct) =>
        Convert.ToInt64(await ScalarAsync("SELECT pg_database_size(current_database())", ct), CultureInfo.InvariantCulture);

    public override async Task<bool> HasTableAsync(string table, CancellationToken ct) =>
        await ScalarAsync($"SELECT to_regclass('public.{Identifier(table)}') IS NOT NULL", ct) is true;

    public override async Task<bool> HasColumnAsync(string table, string column, CancellationToken ct) =>
        Convert.ToInt64(await ScalarAsync(
            $"SELECT count(*) FROM information_schema.columns WHERE table_name = '{Identifier(table)}' AND column_name = '{Identifier(column)}'", ct),
            CultureInfo.InvariantCulture) > 0;

    public override async Task<long> CountAsync(string sql, CancellationToken ct) =>
        Convert.ToInt64(await ScalarAsync(sql, ct), CultureInfo.InvariantCulture);

    public override async ValueTask DisposeAsync()
    {
        NpgsqlConnection.ClearAllPools();
        if (!Keep)
        {
            await DropAsync(CancellationToken.None);
        }
    }

    private async Task DropAsync(CancellationToken ct)
    {
        await using var connection = new NpgsqlConnection(_adminConnectionString);
        await connection.OpenAsync(ct);
        // The name is built from a size or a mode name of the benchmark's own; identifiers cannot be parameters.
        await using var command = new NpgsqlCommand($"DROP DATABASE IF EXISTS \"{_name}\" WITH (FORCE)", connection);
        await command.ExecuteNonQueryAsync(ct);
    }

    private async Task<object?> ScalarAsync(string sql, CancellationToken ct)
    {
        await using var connection = new NpgsqlConnection(ConnectionString);
        await connection.OpenAsync(ct);
        await using var command = new NpgsqlCommand(sql, connection);
        return await command.ExecuteScalarAsync(ct);
    }

    /// <summary>Table and column names of this program only: letters, digits and underscores.</summary>
    internal static string Identifier(string name) =>
        name.All(c => char.IsAsciiLetterOrDigit(c) || c == '_') ? name : throw new ArgumentException($"Not an identifier: {name}", nameof(name));
}

/// <summary>SQLite: a file matching.db in a folder of its own, in WAL mode as the service's migrator leaves it.</summary>
internal sealed class SqliteBenchDatabase : BenchDatabase
{
    private readonly string _folder;
    private readonly string _path;
    private readonly DbContextOptions<SqliteMatchingDbContext> _options;

    public SqliteBenchDatabase(string folder)
    {
        _folder = folder;
        // The file name the service derives from Database:DataFolder (DatabaseSetup).
        _path = Path.Combine(folder, "matching.db");
        ConnectionString = new SqliteConnectionStringBuilder { DataSource = _path }.ToString();
        _options = new DbContextOptionsBuilder<SqliteMatchingDbContext>().UseSqlite(ConnectionString).Options;
    }

    public string ConnectionString { get; }

    /// <summary>Leave the file when disposed (--keep).</summary>
    public bool Keep { get; init; }

    public override string Provider => "SQLite";

    public override IReadOnlyDictionary<string, string?> HostSettings => new Dictionary<string, string?>
    {
        ["Database:Provider"] = "Sqlite",
        ["Database:DataFolder"] = _folder,
    };

    public override string SettleDescription => "WAL checkpoint";

    public override MatchingDbContext NewContext() => new SqliteMatchingDbContext(_options);

    public override async Task CreateAsync(CancellationToken ct)
    {
        Directory.CreateDirectory(_folder);
        DeleteFiles();
        await using var db = NewContext();
        await db.Database.MigrateAsync(ct);
        await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;", ct);
    }

    /// <summary>No ANALYZE: the service runs none, so the planner sees what it sees in production.</summary>
    public override async Task SettleAsync(CancellationToken ct) => await CountAsync("PRAGMA wal_checkpoint(TRUNCATE);", ct);

    public override async Task<string> EngineVersionAsync(CancellationToken ct) =>
        $"SQLite {await ScalarAsync("SELECT sqlite_version();", ct)}";

    public override Task<long> SizeBytesAsync(CancellationToken ct) =>
        Task.FromResult(Files().Where(File.Exists).Sum(f => new FileInfo(f).Length));

    public override async Task<bool> HasTableAsync(string table, CancellationToken ct) =>
        await CountAsync($"SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name = '{PostgresBenchDatabase.Identifier(table)}'", ct) > 0;

    public override async Task<bool> HasColumnAsync(string table, string column, CancellationToken ct) =>
        await CountAsync($"SELECT count(*) FROM pragma_table_info('{PostgresBenchDatabase.Identifier(table)}') WHERE name = '{PostgresBenchDatabase.Identifier(column)}'", ct) > 0;

    public override async Task<long> CountAsync(string sql, CancellationToken ct) =>
        Convert.ToInt64(await ScalarAsync(sql, ct), CultureInfo.InvariantCulture);

    public override ValueTask DisposeAsync()
    {
        SqliteConnection.ClearAllPools();
        if (!Keep)
        {
            DeleteFiles();
        }
        return ValueTask.CompletedTask;
    }

    private async Task<object?> ScalarAsync(string sql, CancellationToken ct)
    {
        await using var connection = new SqliteConnection(ConnectionString);
        await connection.OpenAsync(ct);
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        return await command.ExecuteScalarAsync(ct);
    }

    private string[] Files() => [_path, _path + "-wal", _path + "-shm"];

    private void DeleteFiles()
    {
        foreach (var file in Files())
        {
            File.Delete(file);
        }
    }
}
