namespace Marketplace.ServiceDefaults.Data;

/// <summary>Configuration section <c>Database</c>; connection strings live under <c>ConnectionStrings:&lt;service&gt;</c>.</summary>
public sealed class DatabaseOptions
{
    public const string Section = "Database";

    /// <summary><c>Sqlite</c> (embedded default), <c>Postgres</c> or <c>SqlServer</c>.</summary>
    public DatabaseProvider Provider { get; set; } = DatabaseProvider.Sqlite;

    /// <summary>Folder for the SQLite files (one per service) when no connection string is given.</summary>
    public string DataFolder { get; set; } = "data";

    /// <summary>Apply pending migrations when the host starts. Off for services (run <c>--migrate</c>), on in standalone.</summary>
    public bool MigrateOnStart { get; set; }
}

public enum DatabaseProvider
{
    Sqlite,
    Postgres,
    SqlServer,
}
