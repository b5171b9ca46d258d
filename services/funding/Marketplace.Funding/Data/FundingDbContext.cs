using System.Text.Json;
using Marketplace.Funding.Domain;
using Marketplace.ServiceDefaults.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace Marketplace.Funding.Data;

public abstract class FundingDbContext(DbContextOptions options) : ServiceDbContext(options)
{
    private static readonly JsonSerializerOptions s_json = new(JsonSerializerDefaults.Web);

    public DbSet<Scheme> Schemes => Set<Scheme>();

    public DbSet<FundingApplication> Applications => Set<FundingApplication>();

    public DbSet<AssessorSlot> AssessorSlots => Set<AssessorSlot>();

    public DbSet<AwardedProject> AwardedProjects => Set<AwardedProject>();

    public DbSet<ScenarioFacts> Scenarios => Set<ScenarioFacts>();

    public DbSet<VendorFacts> Vendors => Set<VendorFacts>();

    public DbSet<OrganisationMember> OrganisationMembers => Set<OrganisationMember>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        base.OnModelCreating(modelBuilder);
        modelBuilder.Entity<Scheme>(s =>
        {
            s.ToTable("schemes");
            s.HasKey(x => x.Id);
            s.Property(x => x.Id).ValueGeneratedNever();
            s.Property(x => x.Code).HasMaxLength(20);
            s.Property(x => x.NameEn).HasMaxLength(200);
            s.Property(x => x.NameZh).HasMaxLength(200);
            s.Property(x => x.DescriptionEn).HasMaxLength(4000);
            s.Property(x => x.DescriptionZh).HasMaxLength(4000);
            s.Property(x => x.Rules).HasConversion(new ValueConverter<SchemeRules, string>(
                v => JsonSerializer.Serialize(v, s_json), v => JsonSerializer.Deserialize<SchemeRules>(v, s_json)!));
            s.Property(x => x.Criteria).HasConversion(JsonColumn.Converter<List<AssessmentCriterion>>(), JsonColumn.Comparer<AssessmentCriterion>());
            s.Property(x => x.Version).IsConcurrencyToken();
            s.HasIndex(x => x.FundingBodyId);
            s.HasIndex(x => x.Code);
        });
        modelBuilder.Entity<FundingApplication>(a =>
        {
            a.ToTable("applications");
            a.HasKey(x => x.Id);
            a.Property(x => x.Id).ValueGeneratedNever();
            a.Property(x => x.Origin).HasConversion<string>().HasMaxLength(10);
            a.Property(x => x.Status).HasConversion<string>().HasMaxLength(20);
            a.Property(x => x.Outcome).HasConversion<string>().HasMaxLength(20);
            a.Property(x => x.TitleEn).HasMaxLength(200);
            a.Property(x => x.TitleZh).HasMaxLength(200);
            a.Property(x => x.Sector).HasMaxLength(50);
            a.Property(x => x.ContractValueHkd).HasPrecision(14, 2);
            a.Property(x => x.CompanyContributionHkd).HasPrecision(14, 2);
            a.Property(x => x.RecommendedGrantHkd).HasPrecision(14, 2);
            a.Property(x => x.GrantHkd).HasPrecision(14, 2);
            a.Property(x => x.PaidHkd).HasPrecision(14, 2);
            a.Property(x => x.Conditions).HasMaxLength(4000);
            a.Property(x => x.DecisionReasons).HasMaxLength(4000);
            a.Property(x => x.Budget).HasConversion(JsonColumn.Converter<List<BudgetLine>>(), JsonColumn.Comparer<BudgetLine>());
            a.Property(x => x.Assessments).HasConversion(JsonColumn.Converter<List<AssessorAssignment>>(), JsonColumn.Comparer<AssessorAssignment>());
            a.Property(x => x.Milestones).HasConversion(JsonColumn.Converter<List<Milestone>>(), JsonColumn.Comparer<Milestone>());
            a.Property(x => x.Version).IsConcurrencyToken();
            a.Ignore(x => x.Facts);
            a.Ignore(x => x.AsOther);
            // Exactly one application per awarded project and scheme, however often the award is delivered.
            a.HasIndex(x => new { x.ProjectId, x.SchemeId }).IsUnique();
            a.HasIndex(x => x.VendorId);
            a.HasIndex(x => new { x.FundingBodyId, x.Status });
            // Loaded with every application: the domain keeps the slots in step with its assignments.
            a.HasMany(x => x.Slots).WithOne().HasForeignKey(x => x.ApplicationId).OnDelete(DeleteBehavior.Cascade);
            a.Navigation(x => x.Slots).AutoInclude().UsePropertyAccessMode(PropertyAccessMode.Field);
        });
        modelBuilder.Entity<AssessorSlot>(s =>
        {
            s.ToTable("assessor_slots");
            s.HasKey(x => new { x.ApplicationId, x.AssessorId });
            s.Property(x => x.Response).HasConversion<string>().HasMaxLength(10);
            s.HasIndex(x => new { x.AssessorId, x.AssignedAt });
        });
        modelBuilder.Entity<AwardedProject>(p =>
        {
            p.ToTable("awarded_projects");
            p.HasKey(x => x.ProjectId);
            p.Property(x => x.ProjectId).ValueGeneratedNever();
            p.Property(x => x.PriceHkd).HasPrecision(14, 2);
            p.Property(x => x.Version).IsConcurrencyToken();
            p.Ignore(x => x.AwaitsApplication);
            p.HasIndex(x => x.ScenarioId);
            p.HasIndex(x => x.VendorId);
        });
        modelBuilder.Entity<ScenarioFacts>(s =>
        {
            s.ToTable("scenarios");
            s.HasKey(x => x.ScenarioId);
            s.Property(x => x.ScenarioId).ValueGeneratedNever();
            s.Property(x => x.TitleEn).HasMaxLength(200);
            s.Property(x => x.TitleZh).HasMaxLength(200);
            s.Property(x => x.Sector).HasMaxLength(50);
            s.PrimitiveCollection(x => x.TargetSchemes);
            s.Property(x => x.Version).IsConcurrencyToken();
        });
        modelBuilder.Entity<VendorFacts>(v =>
        {
            v.ToTable("vendors");
            v.HasKey(x => x.Id);
            v.Property(x => x.Id).ValueGeneratedNever();
            v.Property(x => x.NameEn).HasMaxLength(200);
            v.Property(x => x.NameZh).HasMaxLength(200);
            v.Property(x => x.BusinessRegistrationNumber).HasMaxLength(20);
            v.Property(x => x.SizeClass).HasConversion<string>().HasMaxLength(10);
            v.Property(x => x.Status).HasConversion<string>().HasMaxLength(20);
            v.Property(x => x.Version).IsConcurrencyToken();
            v.Ignore(x => x.HongKongRegistered);
        });
        modelBuilder.Entity<OrganisationMember>(m =>
        {
            m.ToTable("organisation_members");
            m.HasKey(x => x.UserId);
            m.Property(x => x.UserId).ValueGeneratedNever();
            m.PrimitiveCollection(x => x.Roles).ElementType().HasConversion<string>();
            m.Property(x => x.DisplayName).HasMaxLength(200);
            m.Property(x => x.Version).IsConcurrencyToken();
            m.HasIndex(x => x.OrganisationId);
        });
    }
}

public sealed class SqliteFundingDbContext(DbContextOptions<SqliteFundingDbContext> options) : FundingDbContext(options)
{
    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder) =>
        SqliteConventions.Apply(configurationBuilder);
}

public sealed class PostgresFundingDbContext(DbContextOptions<PostgresFundingDbContext> options) : FundingDbContext(options);

/// <summary>Funding on SQL Server; owns the migrations under Data/Migrations/SqlServer.</summary>
public sealed class SqlServerFundingDbContext(DbContextOptions<SqlServerFundingDbContext> options) : FundingDbContext(options)
{
    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder) =>
        SqlServerConventions.Apply(configurationBuilder);
}
