using Microsoft.Data.SqlClient;

namespace Marketplace.Testing;

/// <summary>A throwaway database on the SQL Server named by <c>MARKETPLACE_TEST_SQLSERVER</c>, dropped when disposed.</summary>
public sealed class SqlServerDatabase : ITestDatabase
{
    private readonly string _server;

    private SqlServerDatabase(string name, string server)
    {
        Name = name;
        _server = server;
        ConnectionString = new SqlConnectionStringBuilder(server) { InitialCatalog = name, Pooling = false }.ConnectionString;
    }

    public string Name { get; }

    public string ConnectionString { get; }

    public string Provider => "SqlServer";

    /// <summary>The database itself is created by the service's migrations, as in production.</summary>
    public static SqlServerDatabase Reserve(string service, string server) =>
        new($"t_{service}_{Guid.NewGuid():N}"[..40], server);

    public async ValueTask DisposeAsync()
    {
        SqlConnection.ClearAllPools();
        await using var connection = new SqlConnection(new SqlConnectionStringBuilder(_server) { InitialCatalog = "master", Pooling = false }.ConnectionString);
        await connection.OpenAsync();
        // Connections a host left open would block the drop: end them first.
        await using var command = new SqlCommand(
            $"IF DB_ID(N'{Name}') IS NOT NULL BEGIN ALTER DATABASE [{Name}] SET SINGLE_USER WITH ROLLBACK IMMEDIATE; DROP DATABASE [{Name}]; END",
            connection);
        await command.ExecuteNonQueryAsync();
    }
}
