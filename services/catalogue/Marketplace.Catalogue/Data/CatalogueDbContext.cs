using Marketplace.Catalogue.Domain;
using Marketplace.ServiceDefaults.Data;
using Microsoft.EntityFrameworkCore;

namespace Marketplace.Catalogue.Data;

public abstract class CatalogueDbContext(DbContextOptions options) : ServiceDbContext(options)
{
    public DbSet<Scenario> Scenarios => Set<Scenario>();

    public DbSet<Department> Departments => Set<Department>();

    public DbSet<Batch> Batches => Set<Batch>();

    public DbSet<ScenarioAmendment> ScenarioAmendments => Set<ScenarioAmendment>();

    public DbSet<Clarification> Clarifications => Set<Clarification>();

    public DbSet<OrganisationName> OrganisationNames => Set<OrganisationName>();

    public DbSet<SavedSearch> SavedSearches => Set<SavedSearch>();

    public DbSet<ScenarioMute> ScenarioMutes => Set<ScenarioMute>();

    public DbSet<Notification> Notifications => Set<Notification>();

    public DbSet<SuccessCase> SuccessCases => Set<SuccessCase>();

    public DbSet<ReplicationInterest> ReplicationInterests => Set<ReplicationInterest>();

    public DbSet<Solution> Solutions => Set<Solution>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        base.OnModelCreating(modelBuilder);
        modelBuilder.ApplyConfiguration(new ScenarioConfiguration());
        modelBuilder.ApplyCatalogueModel();
        modelBuilder.Entity<Department>(d =>
        {
            d.ToTable("departments");
            d.HasKey(x => x.Id);
            d.Property(x => x.NameEn).HasMaxLength(200);
            d.Property(x => x.NameZh).HasMaxLength(200);
            // Two changes of one department consumed concurrently: the later commit must re-read and
            // compare, not overwrite, so AsOf guards the update.
            d.Property(x => x.AsOf).IsConcurrencyToken();
        });
    }
}

/// <summary>The catalogue on SQLite (standalone mode); owns the migrations under Data/Migrations/Sqlite.</summary>
public sealed class SqliteCatalogueDbContext(DbContextOptions<SqliteCatalogueDbContext> options) : CatalogueDbContext(options)
{
    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder) =>
        SqliteConventions.Apply(configurationBuilder);
}

/// <summary>The catalogue on PostgreSQL (distributed mode); owns the migrations under Data/Migrations/Postgres.</summary>
public sealed class PostgresCatalogueDbContext(DbContextOptions<PostgresCatalogueDbContext> options) : CatalogueDbContext(options)
{
    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        base.OnModelCreating(modelBuilder);
        // Full-text search (IScenarioSearch): lexemes straight from the stored tokens, title weighted A, the rest B.
        modelBuilder.Entity<Scenario>().Property<NpgsqlTypes.NpgsqlTsVector>("SearchVector")
            .HasComputedColumnSql(
                """setweight(array_to_tsvector(string_to_array("SearchTitle", ' ')), 'A') || setweight(array_to_tsvector(string_to_array("SearchBody", ' ')), 'B')""",
                stored: true);
        modelBuilder.Entity<Scenario>().HasIndex("SearchVector").HasMethod("GIN");
    }
}

/// <summary>
/// The catalogue on SQL Server; owns the migrations under Data/Migrations/SqlServer. Search matches the
/// stored tokens with LIKE (<see cref="Search.TokenMatchScenarioSearch"/>), so no full-text catalogue is needed.
/// </summary>
public sealed class SqlServerCatalogueDbContext(DbContextOptions<SqlServerCatalogueDbContext> options) : CatalogueDbContext(options)
{
    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder) =>
        SqlServerConventions.Apply(configurationBuilder);
}
