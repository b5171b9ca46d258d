using Marketplace.Matching.Domain;
using Marketplace.ServiceDefaults.Data;
using Microsoft.EntityFrameworkCore;

namespace Marketplace.Matching.Data;

public abstract class MatchingDbContext(DbContextOptions options) : ServiceDbContext(options)
{
    public DbSet<OpenScenario> OpenScenarios => Set<OpenScenario>();

    public DbSet<VendorProfile> VendorProfiles => Set<VendorProfile>();

    public DbSet<Proposal> Proposals => Set<Proposal>();

    public DbSet<Evaluation> Evaluations => Set<Evaluation>();

    public DbSet<VendorSolution> VendorSolutions => Set<VendorSolution>();

    public DbSet<VendorProject> VendorProjects => Set<VendorProject>();

    public DbSet<VendorSuccessCase> VendorSuccessCases => Set<VendorSuccessCase>();

    public DbSet<VendorNotification> VendorNotifications => Set<VendorNotification>();

    public DbSet<OrganisationMember> OrganisationMembers => Set<OrganisationMember>();

    public DbSet<IntegrityIncident> IntegrityIncidents => Set<IntegrityIncident>();

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
            s.Property(x => x.ProblemEn).HasMaxLength(4000);
            s.Property(x => x.ProblemZh).HasMaxLength(4000);
            s.HasIndex(x => new { x.ClosedAt, x.ProposalDeadline });
        });
        modelBuilder.Entity<VendorNotification>(n =>
        {
            n.ToTable("vendor_notifications");
            n.HasKey(x => x.Id);
            n.Property(x => x.Id).ValueGeneratedNever();
            n.Property(x => x.Kind).HasConversion<string>().HasMaxLength(30);
            n.Property(x => x.Key).HasMaxLength(120);
            n.Property(x => x.TitleEn).HasMaxLength(300);
            n.Property(x => x.TitleZh).HasMaxLength(300);
            n.Property(x => x.BodyEn).HasMaxLength(2000);
            n.Property(x => x.BodyZh).HasMaxLength(2000);
            // Each thing is said to a vendor once, however often an event or a pass repeats.
            n.HasIndex(x => new { x.VendorId, x.Key }).IsUnique();
            n.HasIndex(x => new { x.VendorId, x.CreatedAt });
            n.HasIndex(x => x.Key);
        });
        modelBuilder.Entity<Proposal>(p =>
        {
            p.ToTable("proposals");
            p.HasKey(x => x.Id);
            p.Property(x => x.Id).ValueGeneratedNever();
            p.Property(x => x.Status).HasConversion<string>().HasMaxLength(20);
            p.Property(x => x.AuthorUserId).HasMaxLength(100);
            p.Property(x => x.Approach).HasMaxLength(20000);
            p.Property(x => x.PriceHkd).HasPrecision(14, 2);
            p.Property(x => x.SupportLevel).HasMaxLength(200);
            p.Property(x => x.ReceiptHash).HasMaxLength(64);
            p.Property(x => x.TeamRoles).HasConversion(JsonColumn.Converter<List<ProposedRole>>(), JsonColumn.Comparer<ProposedRole>());
            p.Property(x => x.Version).IsConcurrencyToken();
            p.Ignore(x => x.RedactedProperties);
            p.HasIndex(x => new { x.ScenarioId, x.Status });
            p.HasIndex(x => x.VendorOrganisationId);
        });
        modelBuilder.Entity<Evaluation>(e =>
        {
            e.ToTable("evaluations");
            e.HasKey(x => x.ScenarioId);
            e.Property(x => x.ScenarioId).ValueGeneratedNever();
            e.Property(x => x.AwardJustification).HasMaxLength(4000);
            e.Property(x => x.Declarations).HasConversion(JsonColumn.Converter<List<ConflictDeclaration>>(), JsonColumn.Comparer<ConflictDeclaration>());
            e.Property(x => x.Scores).HasConversion(JsonColumn.Converter<List<EvaluatorScore>>(), JsonColumn.Comparer<EvaluatorScore>());
            e.PrimitiveCollection(x => x.Evaluators);
            e.Property(x => x.Version).IsConcurrencyToken();
            e.Ignore(x => x.Weights);
        });
        modelBuilder.Entity<VendorProfile>(v =>
        {
            v.ToTable("vendor_profiles");
            v.HasKey(x => x.Id);
            v.Property(x => x.Id).ValueGeneratedNever();
            v.Property(x => x.NameEn).HasMaxLength(200);
            v.Property(x => x.NameZh).HasMaxLength(200);
            v.Property(x => x.SizeClass).HasConversion<string>().HasMaxLength(10);
            v.Property(x => x.Status).HasConversion<string>().HasMaxLength(20);
            // Two changes of one vendor consumed at once: the later commit re-reads instead of overwriting.
            v.Property(x => x.Version).IsConcurrencyToken();
            v.Ignore(x => x.IsActive);
        });
        modelBuilder.Entity<OrganisationMember>(m =>
        {
            m.ToTable("organisation_members");
            m.HasKey(x => x.UserId);
            m.Property(x => x.UserId).ValueGeneratedNever();
            m.PrimitiveCollection(x => x.Roles).ElementType().HasConversion<string>();
            m.Property(x => x.Version).IsConcurrencyToken();
            m.HasIndex(x => x.OrganisationId);
        });
        modelBuilder.Entity<IntegrityIncident>(i =>
        {
            i.ToTable("integrity_incidents");
            i.HasKey(x => x.Id);
            i.Property(x => x.Id).ValueGeneratedNever();
            i.Property(x => x.Kind).HasConversion<string>().HasMaxLength(30);
            i.Property(x => x.ReceiptHash).HasMaxLength(64);
            i.Property(x => x.OpenedHash).HasMaxLength(64);
            i.HasIndex(x => x.ScenarioId);
            i.HasIndex(x => x.DetectedAt);
        });
        modelBuilder.Entity<VendorSolution>(v =>
        {
            v.ToTable("vendor_solutions");
            v.HasKey(x => x.SolutionId);
            v.Property(x => x.SolutionId).ValueGeneratedNever();
            v.PrimitiveCollection(x => x.Capabilities);
            v.PrimitiveCollection(x => x.Sectors);
            v.Property(x => x.PublishedAt).IsConcurrencyToken();
            v.HasIndex(x => x.VendorId);
        });
        modelBuilder.Entity<VendorProject>(v =>
        {
            v.ToTable("vendor_projects");
            v.HasKey(x => x.ProjectId);
            v.Property(x => x.ProjectId).ValueGeneratedNever();
            v.Property(x => x.Sector).HasMaxLength(50);
            v.HasIndex(x => x.VendorId);
        });
        modelBuilder.Entity<VendorSuccessCase>(v =>
        {
            v.ToTable("vendor_success_cases");
            v.HasKey(x => x.Id);
            v.Property(x => x.Id).ValueGeneratedNever();
            v.Property(x => x.Sector).HasMaxLength(50);
            v.HasIndex(x => x.VendorId);
        });
    }
}

public sealed class SqliteMatchingDbContext(DbContextOptions<SqliteMatchingDbContext> options) : MatchingDbContext(options)
{
    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder) =>
        SqliteConventions.Apply(configurationBuilder);
}

public sealed class PostgresMatchingDbContext(DbContextOptions<PostgresMatchingDbContext> options) : MatchingDbContext(options);

/// <summary>Matching on SQL Server; owns the migrations under Data/Migrations/SqlServer.</summary>
public sealed class SqlServerMatchingDbContext(DbContextOptions<SqlServerMatchingDbContext> options) : MatchingDbContext(options)
{
    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder) =>
        SqlServerConventions.Apply(configurationBuilder);
}
