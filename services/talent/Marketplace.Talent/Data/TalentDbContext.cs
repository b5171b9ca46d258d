using System.Text.Json;
using Marketplace.ServiceDefaults.Data;
using Marketplace.Talent.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace Marketplace.Talent.Data;

public abstract class TalentDbContext(DbContextOptions options) : ServiceDbContext(options)
{
    private static readonly JsonSerializerOptions s_json = new(JsonSerializerDefaults.Web);

    public DbSet<TalentProfile> Profiles => Set<TalentProfile>();

    public DbSet<StaffedProject> Projects => Set<StaffedProject>();

    public DbSet<StaffingRequirement> Requirements => Set<StaffingRequirement>();

    public DbSet<StaffingInvitation> Invitations => Set<StaffingInvitation>();

    public DbSet<UnmappedSkill> UnmappedSkills => Set<UnmappedSkill>();

    public DbSet<ScenarioDemand> Scenarios => Set<ScenarioDemand>();

    public DbSet<TrainingProgramme> Programmes => Set<TrainingProgramme>();

    public DbSet<Enrolment> Enrolments => Set<Enrolment>();

    public DbSet<SubsidyUsage> SubsidyUsage => Set<SubsidyUsage>();

    public DbSet<ConsentChange> ConsentChanges => Set<ConsentChange>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        base.OnModelCreating(modelBuilder);
        modelBuilder.Entity<TalentProfile>(p =>
        {
            p.ToTable("profiles");
            p.HasKey(x => x.Id);
            p.Property(x => x.Id).ValueGeneratedNever();
            p.Property(x => x.DisplayName).HasMaxLength(200);
            p.Property(x => x.ContactEmail).HasMaxLength(254);
            p.Property(x => x.Headline).HasMaxLength(500);
            p.Property(x => x.Skills).HasConversion(JsonColumn.Converter<List<ProfileSkill>>(), JsonColumn.Comparer<ProfileSkill>());
            p.PrimitiveCollection(x => x.Languages).ElementType().HasConversion<string>();
            p.Property(x => x.Residency).HasConversion<string>().HasMaxLength(60);
            p.Property(x => x.Version).IsConcurrencyToken();
            p.Ignore(x => x.SkillUris);
            p.HasIndex(x => x.EmployerOrganisationId);
            p.HasIndex(x => x.ConsentToMatch);
        });
        modelBuilder.Entity<StaffedProject>(p =>
        {
            p.ToTable("projects");
            p.HasKey(x => x.ProjectId);
            p.Property(x => x.ProjectId).ValueGeneratedNever();
            p.Property(x => x.Version).IsConcurrencyToken();
            p.Ignore(x => x.Cancelled);
            p.HasIndex(x => x.VendorId);
        });
        modelBuilder.Entity<StaffingRequirement>(r =>
        {
            r.ToTable("requirements");
            r.HasKey(x => x.Id);
            r.Property(x => x.Id).ValueGeneratedNever();
            r.Property(x => x.SkillText).HasMaxLength(100);
            r.Property(x => x.SkillUri).HasMaxLength(200);
            r.Property(x => x.Seniority).HasConversion<string>().HasMaxLength(20);
            r.Property(x => x.Status).HasConversion<string>().HasMaxLength(20);
            r.Property(x => x.Version).IsConcurrencyToken();
            // One requirement per role of the proposal, however often the award is delivered.
            r.HasIndex(x => new { x.ProjectId, x.Position }).IsUnique();
            r.HasIndex(x => new { x.VendorId, x.Status });
            r.HasIndex(x => x.TalentId);
        });
        modelBuilder.Entity<StaffingInvitation>(i =>
        {
            i.ToTable("invitations");
            i.HasKey(x => x.Id);
            i.Property(x => x.Id).ValueGeneratedNever();
            i.Property(x => x.Status).HasConversion<string>().HasMaxLength(20);
            i.Property(x => x.Version).IsConcurrencyToken();
            i.Ignore(x => x.IsPending);
            i.HasIndex(x => new { x.RequirementId, x.TalentId });
            i.HasIndex(x => x.TalentId);
            i.HasIndex(x => x.VendorId);
        });
        modelBuilder.Entity<UnmappedSkill>(u =>
        {
            u.ToTable("unmapped_skills");
            u.HasKey(x => x.Id);
            u.Property(x => x.Id).ValueGeneratedNever();
            u.Property(x => x.RawText).HasMaxLength(100);
            u.Property(x => x.Source).HasConversion<string>().HasMaxLength(30);
            u.HasIndex(x => new { x.Source, x.SourceId, x.RawText }).IsUnique();
        });
        modelBuilder.Entity<ScenarioDemand>(s =>
        {
            s.ToTable("scenarios");
            s.HasKey(x => x.ScenarioId);
            s.Property(x => x.ScenarioId).ValueGeneratedNever();
            s.PrimitiveCollection(x => x.SkillUris);
            s.Property(x => x.Version).IsConcurrencyToken();
        });
        modelBuilder.Entity<TrainingProgramme>(t =>
        {
            t.ToTable("programmes");
            t.HasKey(x => x.Id);
            t.Property(x => x.Id).ValueGeneratedNever();
            t.Property(x => x.TitleEn).HasMaxLength(200);
            t.Property(x => x.TitleZh).HasMaxLength(200);
            t.Property(x => x.ProviderNameEn).HasMaxLength(200);
            t.Property(x => x.ProviderNameZh).HasMaxLength(200);
            t.PrimitiveCollection(x => x.SkillUris);
            t.Property(x => x.FeeHkd).HasPrecision(14, 2);
            t.Property(x => x.Subsidy).HasMaxLength(500).HasConversion(new ValueConverter<SubsidyRule, string>(
                v => JsonSerializer.Serialize(v, s_json), v => JsonSerializer.Deserialize<SubsidyRule>(v, s_json)!));
            t.Property(x => x.Version).IsConcurrencyToken();
            t.HasIndex(x => x.ProviderOrganisationId);
        });
        modelBuilder.Entity<Enrolment>(e =>
        {
            e.ToTable("enrolments");
            e.HasKey(x => x.Id);
            e.Property(x => x.Id).ValueGeneratedNever();
            e.Property(x => x.SchemeCode).HasMaxLength(20);
            e.Property(x => x.FeeHkd).HasPrecision(14, 2);
            e.Property(x => x.SubsidyHkd).HasPrecision(14, 2);
            e.Property(x => x.ExplanationEn).HasMaxLength(1000);
            e.Property(x => x.ExplanationZh).HasMaxLength(1000);
            e.Property(x => x.Status).HasConversion<string>().HasMaxLength(20);
            e.Property(x => x.Version).IsConcurrencyToken();
            // What the cap is checked against: the enterprise's subsidies of one scheme in one financial year.
            e.HasIndex(x => new { x.VendorId, x.SchemeCode, x.FinancialYear });
            e.HasIndex(x => x.TalentId);
            e.HasIndex(x => x.ProgrammeId);
        });
        modelBuilder.Entity<SubsidyUsage>(u =>
        {
            u.ToTable("subsidy_usage");
            // The key is the unique constraint: two first enrolments of a year at once cannot both open a row.
            u.HasKey(x => new { x.VendorId, x.SchemeCode, x.FinancialYear });
            u.Property(x => x.SchemeCode).HasMaxLength(20);
            u.Property(x => x.UsedHkd).HasPrecision(14, 2);
            u.Property(x => x.Version).IsConcurrencyToken();
        });
        modelBuilder.Entity<ConsentChange>(c =>
        {
            c.ToTable("consent_changes");
            c.HasKey(x => x.Id);
            c.Property(x => x.Id).ValueGeneratedNever();
            c.HasIndex(x => x.ProfileId);
        });
    }
}

public sealed class SqliteTalentDbContext(DbContextOptions<SqliteTalentDbContext> options) : TalentDbContext(options)
{
    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder) =>
        SqliteConventions.Apply(configurationBuilder);
}

public sealed class PostgresTalentDbContext(DbContextOptions<PostgresTalentDbContext> options) : TalentDbContext(options);

/// <summary>Talent on SQL Server; owns the migrations under Data/Migrations/SqlServer.</summary>
public sealed class SqlServerTalentDbContext(DbContextOptions<SqlServerTalentDbContext> options) : TalentDbContext(options)
{
    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder) =>
        SqlServerConventions.Apply(configurationBuilder);
}
