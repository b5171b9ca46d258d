using Marketplace.Catalogue.Data;
using Marketplace.Catalogue.Search;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace Marketplace.Bench.Search;

/// <summary>
/// One database of one size on one provider, with the real schema (the migrations), contexts built
/// without the DI interceptors (no audit rows, no outbox signal) and the provider's search engine.
/// Disposing drops the database.
/// </summary>
internal abstract class BenchDatabase : IAsyncDisposable
{
    public abstract string Provider { get; }

    public abstract IScenarioSearch Search { get; }

    /// <summary>What is done after loading, before measuring (reported with the load time).</summary>
    public abstract string SettleDescription { get; }

    /// <summary>A new context, as each request gets one.</summary>
    public abstract CatalogueDbContext NewContext();

    /// <summary>Drops a database left from an earlier run and applies the migrations.</summary>
    public abstract Task CreateAsync(CancellationToken ct);

    public abstract Task SettleAsync(CancellationToken ct);

    public abstract Task<string> EngineVersionAsync(CancellationToken ct);

    public abstract Task<long> SizeBytesAsync(CancellationToken ct);

    public abstract ValueTask DisposeAsync();
}

/// <summary>PostgreSQL: database bench_search_{size} on the server of MARKETPLACE_BENCH_POSTGRES.</summary>
internal sealed class PostgresBenchDatabase : BenchDatabase
{
    public const string EnvironmentVariable = "MARKETPLACE_BENCH_POSTGRES";
    public const string DefaultConnectionString = "Host=127.0.0.1;Port=55432;Username=postgres;Password=postgres";

    private readonly string _name;
    private readonly string _connectionString;
    private readonly string _adminConnectionString;
    private readonly DbContextOptions<PostgresCatalogueDbContext> _options;

    public PostgresBenchDatabase(string baseConnectionString, int size)
    {
        _name = $"bench_search_{size}";
        _connectionString = new NpgsqlConnectionStringBuilder(baseConnectionString) { Database = _name }.ConnectionString;
        _adminConnectionString = new NpgsqlConnectionStringBuilder(baseConnectionString) { Database = "postgres", Pooling = false }.ConnectionString;
        // As the service registers it (DatabaseSetup), minus the interceptors.
        _options = new DbContextOptionsBuilder<PostgresCatalogueDbContext>()
            .UseNpgsql(_connectionString, npgsql => npgsql.EnableRetryOnFailure(3))
            .Options;
    }

    public override string Provider => "PostgreSQL";

    public override IScenarioSearch Search { get; } = new PostgresScenarioSearch();

    public override string SettleDescription => "VACUUM ANALYZE";

    public override CatalogueDbContext NewContext() => new PostgresCatalogueDbContext(_options);

    public override async Task CreateAsync(CancellationToken ct)
    {
        await DropAsync(ct);
        await using var db = NewContext();
        await db.Database.MigrateAsync(ct);
    }

    /// <summary>The steady state autovacuum reaches on a live server: statistics gathered, GIN pending list merged.</summary>
    public override async Task SettleAsync(CancellationToken ct)
    {
        await using var connection = new NpgsqlConnection(_connectionString);
        await connection.OpenAsync(ct);
        await using var command = new NpgsqlCommand("VACUUM ANALYZE", connection) { CommandTimeout = 0 };
        await command.ExecuteNonQueryAsync(ct);
    }

    public override async Task<string> EngineVersionAsync(CancellationToken ct) =>
        $"PostgreSQL {await ScalarAsync("SHOW server_version", ct)}";

    public override async Task<long> SizeBytesAsync(CancellationToken ct) =>
        Convert.ToInt64(await ScalarAsync("SELECT pg_database_size(current_database())", ct), System.Globalization.CultureInfo.InvariantCulture);

    public override async ValueTask DisposeAsync()
    {
        NpgsqlConnection.ClearAllPools();
        await DropAsync(CancellationToken.None);
    }

    private async Task DropAsync(CancellationToken ct)
    {
        await using var connection = new NpgsqlConnection(_adminConnectionString);
        await connection.OpenAsync(ct);
        // The name is built from an integer; identifiers cannot be parameters.
        await using var command = new NpgsqlCommand($"DROP DATABASE IF EXISTS \"{_name}\" WITH (FORCE)", connection);
        await command.ExecuteNonQueryAsync(ct);
    }

    private async Task<object?> ScalarAsync(string sql, CancellationToken ct)
    {
        await using var connection = new NpgsqlConnection(_connectionString);
        await connection.OpenAsync(ct);
        await using var command = new NpgsqlCommand(sql, connection);
        return await command.ExecuteScalarAsync(ct);
    }
}

/// <summary>SQLite: a file bench_search_{size}.db in the run's temporary folder, in WAL mode as the service's migrator leaves it.</summary>
internal sealed class SqliteBenchDatabase : BenchDatabase
{
    private readonly string _path;
    private readonly string _connectionString;
    private readonly DbContextOptions<SqliteCatalogueDbContext> _options;

    public SqliteBenchDatabase(string folder, int size)
    {
        _path = Path.Combine(folder, $"bench_search_{size}.db");
        _connectionString = new SqliteConnectionStringBuilder { DataSource = _path }.ToString();
        _options = new DbContextOptionsBuilder<SqliteCatalogueDbContext>().UseSqlite(_connectionString).Options;
    }

    public override string Provider => "SQLite";

    public override IScenarioSearch Search { get; } = new SqliteScenarioSearch();

    public override string SettleDescription => "WAL checkpoint";

    public override CatalogueDbContext NewContext() => new SqliteCatalogueDbContext(_options);

    public override async Task CreateAsync(CancellationToken ct)
    {
        DeleteFiles();
        await using var db = NewContext();
        await db.Database.MigrateAsync(ct);
        await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;", ct);
    }

    /// <summary>No ANALYZE or FTS5 optimize: the service runs neither, so the planner sees what it sees in production.</summary>
    public override async Task SettleAsync(CancellationToken ct)
    {
        await using var connection = new SqliteConnection(_connectionString);
        await connection.OpenAsync(ct);
        await using var command = connection.CreateCommand();
        command.CommandText = "PRAGMA wal_checkpoint(TRUNCATE);";
        await command.ExecuteNonQueryAsync(ct);
    }

    public override async Task<string> EngineVersionAsync(CancellationToken ct)
    {
        await using var connection = new SqliteConnection(_connectionString);
        await connection.OpenAsync(ct);
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT sqlite_version();";
        return $"SQLite {await command.ExecuteScalarAsync(ct)}";
    }

    public override Task<long> SizeBytesAsync(CancellationToken ct) =>
        Task.FromResult(Files().Where(File.Exists).Sum(f => new FileInfo(f).Length));

    public override ValueTask DisposeAsync()
    {
        SqliteConnection.ClearAllPools();
        DeleteFiles();
        return ValueTask.CompletedTask;
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
