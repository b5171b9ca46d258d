using Microsoft.EntityFrameworkCore;

namespace Marketplace.ServiceDefaults.Data;

/// <summary>
/// SQL Server compares text by its collation, and the usual server default is case-insensitive, so a
/// filter, a unique index or a search token would match differently than on PostgreSQL and SQLite,
/// which compare ordinally. Every text column gets a binary collation in its own definition (no
/// database-level ALTER, which cannot run inside a migration's transaction), so the three providers
/// agree on what is equal and how text sorts.
/// </summary>
public static class SqlServerConventions
{
    public const string OrdinalCollation = "Latin1_General_100_BIN2";

    public static void Apply(ModelConfigurationBuilder configuration) =>
        configuration.Properties<string>().UseCollation(OrdinalCollation);
}
