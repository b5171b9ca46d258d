using Marketplace.OpenData.Domain;
using Marketplace.ServiceDefaults.Data;
using Microsoft.EntityFrameworkCore;

namespace Marketplace.OpenData.Data;

public abstract class OpenDataDbContext(DbContextOptions options) : ServiceDbContext(options)
{
    public DbSet<OcdsRelease> Releases => Set<OcdsRelease>();

    public DbSet<PendingRelease> PendingReleases => Set<PendingRelease>();

    public DbSet<ScenarioIndex> Scenarios => Set<ScenarioIndex>();

    public DbSet<Organisation> Organisations => Set<Organisation>();

    public DbSet<ProjectLink> Projects => Set<ProjectLink>();

    public DbSet<ApplicationLink> Applications => Set<ApplicationLink>();

    public DbSet<PublishedBatch> Batches => Set<PublishedBatch>();

    public DbSet<SuccessCaseFact> SuccessCases => Set<SuccessCaseFact>();

    public DbSet<ReplicationInterestFact> ReplicationInterests => Set<ReplicationInterestFact>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        base.OnModelCreating(modelBuilder);
        modelBuilder.Entity<OcdsRelease>(r =>
        {
            r.ToTable("releases");
            r.HasKey(x => x.Sequence);
            r.Property(x => x.Sequence).ValueGeneratedOnAdd();
            r.Property(x => x.Ocid).HasMaxLength(80);
            r.Property(x => x.ReleaseId).HasMaxLength(200);
            r.Property(x => x.Tags).HasMaxLength(200);
            r.HasIndex(x => new { x.Ocid, x.ReleaseId }).IsUnique();
            r.HasIndex(x => x.ScenarioId);
            r.HasIndex(x => x.StoredAt);
        });
        modelBuilder.Entity<PendingRelease>(p =>
        {
            p.ToTable("pending_releases");
            p.HasKey(x => x.Id);
            p.Property(x => x.Id).ValueGeneratedNever();
            p.Property(x => x.EventType).HasMaxLength(50);
            p.HasIndex(x => x.ApplicationId);
        });
        modelBuilder.Entity<ScenarioIndex>(s =>
        {
            s.ToTable("scenarios");
            s.HasKey(x => x.ScenarioId);
            s.Property(x => x.ScenarioId).ValueGeneratedNever();
            s.Property(x => x.TitleEn).HasMaxLength(200);
            s.Property(x => x.TitleZh).HasMaxLength(200);
            s.Property(x => x.Area).HasMaxLength(40);
            s.Property(x => x.Sector).HasMaxLength(60);
            s.Property(x => x.Status).HasConversion<string>().HasMaxLength(20);
            s.Property(x => x.Version).IsConcurrencyToken();
            s.HasIndex(x => x.DepartmentId);
            s.HasIndex(x => x.BatchId);
        });
        modelBuilder.Entity<Organisation>(o =>
        {
            o.ToTable("organisations");
            o.HasKey(x => x.Id);
            o.Property(x => x.Id).ValueGeneratedNever();
            o.Property(x => x.Type).HasConversion<string>().HasMaxLength(30);
            o.Property(x => x.NameEn).HasMaxLength(200);
            o.Property(x => x.NameZh).HasMaxLength(200);
            o.Property(x => x.BusinessRegistrationNumber).HasMaxLength(20);
            o.Property(x => x.SizeClass).HasConversion<string>().HasMaxLength(10);
        });
        modelBuilder.Entity<ProjectLink>(p =>
        {
            p.ToTable("projects");
            p.HasKey(x => x.ProjectId);
            p.Property(x => x.ProjectId).ValueGeneratedNever();
            p.Property(x => x.PriceHkd).HasPrecision(14, 2);
            p.HasIndex(x => x.ScenarioId);
        });
        modelBuilder.Entity<ApplicationLink>(a =>
        {
            a.ToTable("applications");
            a.HasKey(x => x.ApplicationId);
            a.Property(x => x.ApplicationId).ValueGeneratedNever();
            a.Property(x => x.SchemeCode).HasMaxLength(20);
            a.Property(x => x.GrantHkd).HasPrecision(14, 2);
            a.Property(x => x.PaidHkd).HasPrecision(14, 2);
            a.Property(x => x.Version).IsConcurrencyToken();
        });
        modelBuilder.Entity<PublishedBatch>(b =>
        {
            b.ToTable("batches");
            b.HasKey(x => x.Id);
            b.Property(x => x.Id).ValueGeneratedNever();
            b.Property(x => x.Code).HasMaxLength(40);
            b.Property(x => x.NameEn).HasMaxLength(200);
            b.Property(x => x.NameZh).HasMaxLength(200);
        });
        modelBuilder.Entity<SuccessCaseFact>(c =>
        {
            c.ToTable("success_cases");
            c.HasKey(x => x.Id);
            c.Property(x => x.Id).ValueGeneratedNever();
            c.Property(x => x.Sector).HasMaxLength(60);
            c.HasIndex(x => x.DepartmentId);
        });
        modelBuilder.Entity<ReplicationInterestFact>(i =>
        {
            i.ToTable("replication_interests");
            i.HasKey(x => x.Id);
            i.Property(x => x.Id).ValueGeneratedNever();
            i.Property(x => x.Sector).HasMaxLength(60);
            i.HasIndex(x => x.SuccessCaseId);
        });
    }
}

public sealed class SqliteOpenDataDbContext(DbContextOptions<SqliteOpenDataDbContext> options) : OpenDataDbContext(options)
{
    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder) =>
        SqliteConventions.Apply(configurationBuilder);
}

public sealed class PostgresOpenDataDbContext(DbContextOptions<PostgresOpenDataDbContext> options) : OpenDataDbContext(options);

/// <summary>Open data on SQL Server; owns the migrations under Data/Migrations/SqlServer.</summary>
public sealed class SqlServerOpenDataDbContext(DbContextOptions<SqlServerOpenDataDbContext> options) : OpenDataDbContext(options)
{
    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder) =>
        SqlServerConventions.Apply(configurationBuilder);
}
