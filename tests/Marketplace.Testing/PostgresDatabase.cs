using Npgsql;

namespace Marketplace.Testing;

/// <summary>
/// A throwaway database on the test PostgreSQL server, dropped when disposed. Connections are pooled as in production:
/// a fresh server process per query (and its cold catalogue cache) was a large share of the distributed tests' time.
/// </summary>
public sealed class PostgresDatabase : ITestDatabase
{
    private PostgresDatabase(string name)
    {
        Name = name;
        ConnectionString = new NpgsqlConnectionStringBuilder(TestServers.Postgres) { Database = name }.ConnectionString;
    }

    public string Name { get; }

    public string ConnectionString { get; }

    public string Provider => "Postgres";

    /// <summary>The database itself is created by the service's migrations, as in production.</summary>
    public static PostgresDatabase Reserve(string service)
    {
        var name = $"t_{service}_{Guid.NewGuid():N}";
        return new(name[..Math.Min(40, name.Length)]);
    }

    /// <summary>A <c>count(*)</c> (or any bigint scalar) read straight from the database, to prove what HTTP cannot show.</summary>
    public async Task<long> CountAsync(string sql)
    {
        await using var connection = new NpgsqlConnection(ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        return (long)(await command.ExecuteScalarAsync())!;
    }

    public async ValueTask DisposeAsync()
    {
        NpgsqlConnection.ClearAllPools();
        await using var connection = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(TestServers.Postgres) { Database = "postgres", Pooling = false }.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand($"DROP DATABASE IF EXISTS \"{Name}\" WITH (FORCE)", connection);
        await command.ExecuteNonQueryAsync();
    }
}
