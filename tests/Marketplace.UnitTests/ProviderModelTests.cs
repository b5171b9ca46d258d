using Marketplace.Catalogue.Data;
using Marketplace.Catalogue.Search;
using Marketplace.Identity.Data;
using Marketplace.Funding.Data;
using Marketplace.OpenData.Data;
using Marketplace.Matching.Data;
using Marketplace.Talent.Data;
using Marketplace.ServiceDefaults.Data;
using Marketplace.ServiceDefaults.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Migrations;

namespace Marketplace.UnitTests;

/// <summary>
/// Every service's model on every provider, built without a database server (none is opened: the
/// connection strings only choose the provider). SQL Server has no engine on the build machines, so
/// these are what proves its model and migrations between runs against a real server.
/// </summary>
public sealed class ProviderModelTests
{
    public static TheoryData<string, DatabaseProvider> EveryServiceOnEveryProvider()
    {
        var data = new TheoryData<string, DatabaseProvider>();
        foreach (var service in Services)
        {
            foreach (var provider in Enum.GetValues<DatabaseProvider>())
            {
                data.Add(service, provider);
            }
        }
        return data;
    }

    private static readonly string[] Services = ["catalogue", "matching", "identity", "funding", "talent", "opendata"];

    public static TheoryData<string> EveryService() => new(Services);

    [Theory]
    [MemberData(nameof(EveryServiceOnEveryProvider))]
    public void Every_model_change_has_its_migration_on_every_provider(string service, DatabaseProvider provider)
    {
        using var db = Context(service, provider);

        Assert.NotEmpty(db.Database.GetMigrations());
        Assert.False(db.Database.HasPendingModelChanges(),
            $"The {service} model changed without a {provider} migration: run scripts/add-migration.sh {service} <Name>.");
    }

    [Theory]
    [MemberData(nameof(EveryService))]
    public void The_idempotent_SQL_Server_script_applies_every_migration_once(string service)
    {
        using var db = Context(service, DatabaseProvider.SqlServer);

        var script = db.GetService<IMigrator>().GenerateScript(options: MigrationsSqlGenerationOptions.Idempotent);

        Assert.Contains("IF OBJECT_ID(N'[__EFMigrationsHistory]') IS NULL", script, StringComparison.Ordinal);
        foreach (var migration in db.Database.GetMigrations())
        {
            Assert.Contains($"WHERE [MigrationId] = N'{migration}'", script, StringComparison.Ordinal);
        }
        foreach (var table in db.GetService<IDesignTimeModel>().Model.GetRelationalModel().Tables)
        {
            Assert.Contains($"CREATE TABLE [{table.Name}]", script, StringComparison.Ordinal);
        }
    }

    [Theory]
    [MemberData(nameof(EveryService))]
    public void The_SQL_Server_model_compares_text_ordinally_and_indexes_only_bounded_columns(string service)
    {
        using var db = Context(service, DatabaseProvider.SqlServer);
        var model = db.GetService<IDesignTimeModel>().Model;

        var properties = model.GetEntityTypes().SelectMany(e => e.GetProperties()).ToList();
        var text = properties.Where(p => p.ClrType == typeof(string) && p.GetValueConverter() is null && p.GetTypeMapping().Converter is null).ToList();
        // Enums are stored by name (typed fields in the model, text in the table).
        var enumNames = properties.Where(p => (Nullable.GetUnderlyingType(p.ClrType) ?? p.ClrType).IsEnum && p.GetProviderClrType() == typeof(string)).ToList();
        Assert.NotEmpty(text);
        Assert.NotEmpty(enumNames);
        Assert.All(text.Concat(enumNames), p => Assert.Equal(SqlServerConventions.OrdinalCollation, p.GetCollation()));

        // SQL Server refuses nvarchar(max) as an index key only when the migration runs, so say it here.
        var unbounded = model.GetEntityTypes().SelectMany(e => e.GetIndexes().SelectMany(i => i.Properties)
                .Concat(e.GetKeys().SelectMany(k => k.Properties)))
            .Where(p => (p.GetColumnType() ?? "").Contains("(max)", StringComparison.OrdinalIgnoreCase))
            .Select(p => $"{p.DeclaringType.DisplayName()}.{p.Name}").Distinct().ToList();
        Assert.Empty(unbounded);
    }

    [Fact]
    public void SQL_Servers_search_composes_with_the_listing_into_SQL_Server_SQL()
    {
        using var db = new SqlServerCatalogueDbContext(SqlServer<SqlServerCatalogueDbContext>());
        var hits = new TokenMatchScenarioSearch().Hits(db, SearchTokens.Query("hospital 醫療"));

        // What the listing asks for a text query: ranked rows, the matching set, and the capability facet.
        var ranked = (from s in db.Scenarios
                      join h in hits on s.Id equals h.ScenarioId
                      orderby h.Rank descending, s.PublishedAt descending
                      select new { s.Id, h.Rank }).Take(20).ToQueryString();
        var matching = db.Scenarios.Where(s => hits.Select(h => h.ScenarioId).Contains(s.Id));
        var facet = matching.SelectMany(s => s.Capabilities).GroupBy(c => c).Select(g => new { g.Key, Count = g.Count() }).ToQueryString();

        Assert.Contains("[SearchTitle]", ranked, StringComparison.Ordinal);
        Assert.Contains("[SearchBody]", ranked, StringComparison.Ordinal);
        Assert.Contains("TOP", ranked, StringComparison.Ordinal);
        Assert.Contains(" hospital ", ranked, StringComparison.Ordinal);
        Assert.Contains(" 醫療 ", ranked, StringComparison.Ordinal);
        Assert.Contains("OPENJSON", facet, StringComparison.Ordinal);
        Assert.Contains("GROUP BY", facet, StringComparison.Ordinal);
    }

    private static DbContext Context(string service, DatabaseProvider provider) => (service, provider) switch
    {
        ("catalogue", DatabaseProvider.Sqlite) => new SqliteCatalogueDbContext(Sqlite<SqliteCatalogueDbContext>()),
        ("catalogue", DatabaseProvider.Postgres) => new PostgresCatalogueDbContext(Postgres<PostgresCatalogueDbContext>()),
        ("catalogue", DatabaseProvider.SqlServer) => new SqlServerCatalogueDbContext(SqlServer<SqlServerCatalogueDbContext>()),
        ("matching", DatabaseProvider.Sqlite) => new SqliteMatchingDbContext(Sqlite<SqliteMatchingDbContext>()),
        ("matching", DatabaseProvider.Postgres) => new PostgresMatchingDbContext(Postgres<PostgresMatchingDbContext>()),
        ("matching", DatabaseProvider.SqlServer) => new SqlServerMatchingDbContext(SqlServer<SqlServerMatchingDbContext>()),
        ("funding", DatabaseProvider.Sqlite) => new SqliteFundingDbContext(Sqlite<SqliteFundingDbContext>()),
        ("funding", DatabaseProvider.Postgres) => new PostgresFundingDbContext(Postgres<PostgresFundingDbContext>()),
        ("funding", DatabaseProvider.SqlServer) => new SqlServerFundingDbContext(SqlServer<SqlServerFundingDbContext>()),
        ("talent", DatabaseProvider.Sqlite) => new SqliteTalentDbContext(Sqlite<SqliteTalentDbContext>()),
        ("talent", DatabaseProvider.Postgres) => new PostgresTalentDbContext(Postgres<PostgresTalentDbContext>()),
        ("talent", DatabaseProvider.SqlServer) => new SqlServerTalentDbContext(SqlServer<SqlServerTalentDbContext>()),
        ("opendata", DatabaseProvider.Sqlite) => new SqliteOpenDataDbContext(Sqlite<SqliteOpenDataDbContext>()),
        ("opendata", DatabaseProvider.Postgres) => new PostgresOpenDataDbContext(Postgres<PostgresOpenDataDbContext>()),
        ("opendata", DatabaseProvider.SqlServer) => new SqlServerOpenDataDbContext(SqlServer<SqlServerOpenDataDbContext>()),
        ("identity", DatabaseProvider.Sqlite) => new SqliteIdentityServiceDbContext(Sqlite<SqliteIdentityServiceDbContext>()),
        ("identity", DatabaseProvider.Postgres) => new PostgresIdentityServiceDbContext(Postgres<PostgresIdentityServiceDbContext>()),
        ("identity", DatabaseProvider.SqlServer) => new SqlServerIdentityServiceDbContext(SqlServer<SqlServerIdentityServiceDbContext>()),
        _ => throw new ArgumentOutOfRangeException(nameof(service), $"{service} on {provider}"),
    };

    private static DbContextOptions<T> Sqlite<T>()
        where T : DbContext => new DbContextOptionsBuilder<T>().UseSqlite("Data Source=unused.db").Options;

    private static DbContextOptions<T> Postgres<T>()
        where T : DbContext => new DbContextOptionsBuilder<T>().UseNpgsql("Host=unused;Database=unused").Options;

    private static DbContextOptions<T> SqlServer<T>()
        where T : DbContext => new DbContextOptionsBuilder<T>().UseSqlServer("Server=unused;Database=unused").Options;
}
