using Marketplace.Catalogue.Data;
using Marketplace.Funding.Data;
using Marketplace.Identity.Data;
using Marketplace.Matching.Data;
using Marketplace.OpenData.Data;
using Marketplace.Talent.Data;
using Marketplace.Web.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace Marketplace.DesignTime;

// Connection strings here are never opened: scaffolding a migration only needs the provider.
internal static class DesignTime
{
    public const string Sqlite = "Data Source=design-time.db";
    public const string Postgres = "Host=localhost;Database=design_time;Username=postgres";
    public const string SqlServer = "Server=localhost;Database=design_time;Integrated Security=true;TrustServerCertificate=true";
}

internal sealed class SqliteCatalogueFactory : IDesignTimeDbContextFactory<SqliteCatalogueDbContext>
{
    public SqliteCatalogueDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<SqliteCatalogueDbContext>().UseSqlite(DesignTime.Sqlite).Options);
}

internal sealed class PostgresCatalogueFactory : IDesignTimeDbContextFactory<PostgresCatalogueDbContext>
{
    public PostgresCatalogueDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<PostgresCatalogueDbContext>().UseNpgsql(DesignTime.Postgres).Options);
}

internal sealed class SqliteMatchingFactory : IDesignTimeDbContextFactory<SqliteMatchingDbContext>
{
    public SqliteMatchingDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<SqliteMatchingDbContext>().UseSqlite(DesignTime.Sqlite).Options);
}

internal sealed class PostgresMatchingFactory : IDesignTimeDbContextFactory<PostgresMatchingDbContext>
{
    public PostgresMatchingDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<PostgresMatchingDbContext>().UseNpgsql(DesignTime.Postgres).Options);
}

internal sealed class SqliteIdentityFactory : IDesignTimeDbContextFactory<SqliteIdentityServiceDbContext>
{
    public SqliteIdentityServiceDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<SqliteIdentityServiceDbContext>().UseSqlite(DesignTime.Sqlite).Options);
}

internal sealed class PostgresIdentityFactory : IDesignTimeDbContextFactory<PostgresIdentityServiceDbContext>
{
    public PostgresIdentityServiceDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<PostgresIdentityServiceDbContext>().UseNpgsql(DesignTime.Postgres).Options);
}

internal sealed class SqlServerCatalogueFactory : IDesignTimeDbContextFactory<SqlServerCatalogueDbContext>
{
    public SqlServerCatalogueDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<SqlServerCatalogueDbContext>().UseSqlServer(DesignTime.SqlServer).Options);
}

internal sealed class SqlServerMatchingFactory : IDesignTimeDbContextFactory<SqlServerMatchingDbContext>
{
    public SqlServerMatchingDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<SqlServerMatchingDbContext>().UseSqlServer(DesignTime.SqlServer).Options);
}

internal sealed class SqlServerIdentityFactory : IDesignTimeDbContextFactory<SqlServerIdentityServiceDbContext>
{
    public SqlServerIdentityServiceDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<SqlServerIdentityServiceDbContext>().UseSqlServer(DesignTime.SqlServer).Options);
}

internal sealed class SqliteFundingFactory : IDesignTimeDbContextFactory<SqliteFundingDbContext>
{
    public SqliteFundingDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<SqliteFundingDbContext>().UseSqlite(DesignTime.Sqlite).Options);
}

internal sealed class PostgresFundingFactory : IDesignTimeDbContextFactory<PostgresFundingDbContext>
{
    public PostgresFundingDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<PostgresFundingDbContext>().UseNpgsql(DesignTime.Postgres).Options);
}

internal sealed class SqlServerFundingFactory : IDesignTimeDbContextFactory<SqlServerFundingDbContext>
{
    public SqlServerFundingDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<SqlServerFundingDbContext>().UseSqlServer(DesignTime.SqlServer).Options);
}

internal sealed class SqliteTalentFactory : IDesignTimeDbContextFactory<SqliteTalentDbContext>
{
    public SqliteTalentDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<SqliteTalentDbContext>().UseSqlite(DesignTime.Sqlite).Options);
}

internal sealed class PostgresTalentFactory : IDesignTimeDbContextFactory<PostgresTalentDbContext>
{
    public PostgresTalentDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<PostgresTalentDbContext>().UseNpgsql(DesignTime.Postgres).Options);
}

internal sealed class SqlServerTalentFactory : IDesignTimeDbContextFactory<SqlServerTalentDbContext>
{
    public SqlServerTalentDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<SqlServerTalentDbContext>().UseSqlServer(DesignTime.SqlServer).Options);
}

internal sealed class SqliteOpenDataFactory : IDesignTimeDbContextFactory<SqliteOpenDataDbContext>
{
    public SqliteOpenDataDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<SqliteOpenDataDbContext>().UseSqlite(DesignTime.Sqlite).Options);
}

internal sealed class PostgresOpenDataFactory : IDesignTimeDbContextFactory<PostgresOpenDataDbContext>
{
    public PostgresOpenDataDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<PostgresOpenDataDbContext>().UseNpgsql(DesignTime.Postgres).Options);
}

internal sealed class SqlServerOpenDataFactory : IDesignTimeDbContextFactory<SqlServerOpenDataDbContext>
{
    public SqlServerOpenDataDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<SqlServerOpenDataDbContext>().UseSqlServer(DesignTime.SqlServer).Options);
}

internal sealed class SqliteWebSessionFactory : IDesignTimeDbContextFactory<SqliteWebSessionDbContext>
{
    public SqliteWebSessionDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<SqliteWebSessionDbContext>().UseSqlite(DesignTime.Sqlite).Options);
}

internal sealed class PostgresWebSessionFactory : IDesignTimeDbContextFactory<PostgresWebSessionDbContext>
{
    public PostgresWebSessionDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<PostgresWebSessionDbContext>().UseNpgsql(DesignTime.Postgres).Options);
}

internal sealed class SqlServerWebSessionFactory : IDesignTimeDbContextFactory<SqlServerWebSessionDbContext>
{
    public SqlServerWebSessionDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<SqlServerWebSessionDbContext>().UseSqlServer(DesignTime.SqlServer).Options);
}
