namespace Marketplace.Testing;

/// <summary>A throwaway database for one service on a real test server, dropped when disposed.</summary>
public interface ITestDatabase : IAsyncDisposable
{
    /// <summary>The <c>Database:Provider</c> value that selects this server's provider.</summary>
    string Provider { get; }

    string ConnectionString { get; }
}

public static class TestDatabase
{
    /// <summary>SQL Server when <c>MARKETPLACE_TEST_SQLSERVER</c> is set, PostgreSQL otherwise.</summary>
    public static ITestDatabase Reserve(string service) =>
        TestServers.SqlServer is { } sqlServer ? SqlServerDatabase.Reserve(service, sqlServer) : PostgresDatabase.Reserve(service);
}
