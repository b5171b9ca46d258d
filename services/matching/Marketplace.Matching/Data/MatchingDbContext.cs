using Marketplace.Matching.Domain;
using Marketplace.ServiceDefaults.Data;
using Microsoft.EntityFrameworkCore;

namespace Marketplace.Matching.Data;

public abstract class MatchingDbContext(DbContextOptions options) : ServiceDbContext(options)
{
    public DbSet<OpenScenario> OpenScenarios => Set<OpenScenario>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        base.OnModelCreating(modelBuilder);
        modelBuilder.Entity<OpenScenario>(s =>
        {
            s.ToTable("open_scenarios");
            s.HasKey(x => x.ScenarioId);
            s.Property(x => x.ScenarioId).ValueGeneratedNever();
            s.Property(x => x.TitleEn).HasMaxLength(200);
            s.Property(x => x.TitleZh).HasMaxLength(200);
            s.Property(x => x.Area).HasMaxLength(20);
            s.Property(x => x.Sector).HasMaxLength(50);
            s.Property(x => x.BudgetMinHkd).HasPrecision(14, 2);
            s.Property(x => x.BudgetMaxHkd).HasPrecision(14, 2);
            s.PrimitiveCollection(x => x.Capabilities);
            s.Ignore(x => x.IsOpen);
            s.HasIndex(x => new { x.ClosedAt, x.ProposalDeadline });
        });
    }
}

public sealed class SqliteMatchingDbContext(DbContextOptions<SqliteMatchingDbContext> options) : MatchingDbContext(options)
{
    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder) =>
        SqliteConventions.Apply(configurationBuilder);
}

public sealed class PostgresMatchingDbContext(DbContextOptions<PostgresMatchingDbContext> options) : MatchingDbContext(options);
