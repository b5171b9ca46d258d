namespace Marketplace.ServiceDefaults.Data;

/// <summary>Configuration section <c>Database</c>; connection strings live under <c>ConnectionStrings:&lt;service&gt;</c>.</summary>
public sealed class DatabaseOptions
{
    public const string Section = "Database";

    /// <summary><c>Sqlite</c> (embedded default), <c>Postgres</c> or <c>SqlServer</c>.</summary>
    public DatabaseProvider Provider { get; set; } = DatabaseProvider.Sqlite;

    /// <summary>Folder for the SQLite files (one per service) when no connection string is given; a relative path is under the content root.</summary>
    public string DataFolder { get; set; } = "data";

    /// <summary>The data folder as an absolute path: relative to the host's content root, never to the working directory.</summary>
    public string DataFolderPath(string contentRoot) => Path.GetFullPath(DataFolder, contentRoot);

    /// <summary>Apply pending migrations when the host starts. Off for services (run <c>--migrate</c>), on in standalone.</summary>
    public bool MigrateOnStart { get; set; }
}

public enum DatabaseProvider
{
    Sqlite,
    Postgres,
    SqlServer,
}
