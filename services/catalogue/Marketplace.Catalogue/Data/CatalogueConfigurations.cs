using Marketplace.Catalogue.Domain;
using Marketplace.ServiceDefaults.Data;
using Marketplace.Catalogue.Search;
using Microsoft.EntityFrameworkCore;

namespace Marketplace.Catalogue.Data;

/// <summary>Batches, amendments, clarifications and the search-hit shape.</summary>
internal static class CatalogueConfigurations
{
    public static ModelBuilder ApplyCatalogueModel(this ModelBuilder modelBuilder)
    {
        modelBuilder.Entity<Batch>(b =>
        {
            b.ToTable("batches");
            b.HasKey(x => x.Id);
            b.Property(x => x.Id).ValueGeneratedNever();
            b.Property(x => x.NameEn).HasMaxLength(100);
            b.Property(x => x.NameZh).HasMaxLength(100);
            b.Property(x => x.DescriptionEn).HasMaxLength(ScenarioDetails.TextMax);
            b.Property(x => x.DescriptionZh).HasMaxLength(ScenarioDetails.TextMax);
            b.Property(x => x.Status).HasConversion<string>().HasMaxLength(20);
            b.Property(x => x.Version).IsConcurrencyToken();
            b.Ignore(x => x.Code);
            b.HasIndex(x => new { x.Year, x.Number }).IsUnique();
        });
        modelBuilder.Entity<ScenarioAmendment>(a =>
        {
            a.ToTable("scenario_amendments");
            a.HasKey(x => x.Id);
            a.Property(x => x.SummaryEn).HasMaxLength(ScenarioDetails.TextMax);
            a.Property(x => x.SummaryZh).HasMaxLength(ScenarioDetails.TextMax);
            a.Property(x => x.AmendedBy).HasMaxLength(100);
            a.PrimitiveCollection(x => x.ChangedFields);
            a.Ignore(x => x.ExtendedDeadline);
            a.HasIndex(x => new { x.ScenarioId, x.Number }).IsUnique();
        });
        modelBuilder.Entity<Clarification>(c =>
        {
            c.ToTable("clarifications");
            c.HasKey(x => x.Id);
            c.Property(x => x.Question).HasMaxLength(ScenarioDetails.TextMax);
            c.Property(x => x.AnswerEn).HasMaxLength(ScenarioDetails.TextMax);
            c.Property(x => x.AnswerZh).HasMaxLength(ScenarioDetails.TextMax);
            c.Property(x => x.AskerUserId).HasMaxLength(100);
            c.Property(x => x.AnsweredBy).HasMaxLength(100);
            c.HasIndex(x => new { x.ScenarioId, x.AskedAt });
            c.HasIndex(x => x.AskerOrganisationId);
        });
        modelBuilder.Entity<OrganisationName>(o =>
        {
            o.ToTable("organisation_names");
            o.HasKey(x => x.Id);
            o.Property(x => x.Type).HasConversion<string>().HasMaxLength(20);
            o.Property(x => x.Status).HasConversion<string>().HasMaxLength(20);
            o.Property(x => x.NameEn).HasMaxLength(200);
            o.Property(x => x.NameZh).HasMaxLength(200);
            o.Property(x => x.AsOf).IsConcurrencyToken();
        });
        modelBuilder.Entity<SavedSearch>(s =>
        {
            s.ToTable("saved_searches");
            s.HasKey(x => x.Id);
            s.Property(x => x.UserId).HasMaxLength(100);
            s.Property(x => x.Name).HasMaxLength(200);
            s.Property(x => x.Query).HasMaxLength(200);
            s.Property(x => x.Area).HasConversion<string>().HasMaxLength(20);
            s.Property(x => x.Sector).HasMaxLength(50);
            s.Property(x => x.Capability).HasMaxLength(50);
            s.Property(x => x.BudgetMin).HasPrecision(14, 2);
            s.Property(x => x.BudgetMax).HasPrecision(14, 2);
            s.Property(x => x.Frequency).HasConversion<string>().HasMaxLength(10);
            s.PrimitiveCollection(x => x.QueryTokens);
            s.HasIndex(x => x.UserId);
            s.HasIndex(x => new { x.Frequency, x.Area, x.Sector });
        });
        modelBuilder.Entity<ScenarioMute>(m =>
        {
            m.ToTable("scenario_mutes");
            m.HasKey(x => new { x.UserId, x.ScenarioId });
            m.Property(x => x.UserId).HasMaxLength(100);
        });
        modelBuilder.Entity<Notification>(n =>
        {
            n.ToTable("notifications");
            n.HasKey(x => x.Id);
            n.Property(x => x.UserId).HasMaxLength(100);
            n.Property(x => x.Kind).HasConversion<string>().HasMaxLength(30);
            n.Property(x => x.TitleEn).HasMaxLength(300);
            n.Property(x => x.TitleZh).HasMaxLength(300);
            n.Property(x => x.BodyEn).HasMaxLength(ScenarioDetails.TextMax);
            n.Property(x => x.BodyZh).HasMaxLength(ScenarioDetails.TextMax);
            n.HasIndex(x => new { x.UserId, x.DigestPending, x.CreatedAt });
            n.HasIndex(x => new { x.DigestPending, x.SavedSearchId });
        });
        modelBuilder.Entity<SuccessCase>(c =>
        {
            c.ToTable("success_cases");
            c.HasKey(x => x.Id);
            c.Property(x => x.Id).ValueGeneratedNever();
            c.Property(x => x.TitleEn).HasMaxLength(ScenarioDetails.TitleMax);
            c.Property(x => x.TitleZh).HasMaxLength(ScenarioDetails.TitleMax);
            c.Property(x => x.SummaryEn).HasMaxLength(ScenarioDetails.TextMax);
            c.Property(x => x.SummaryZh).HasMaxLength(ScenarioDetails.TextMax);
            c.Property(x => x.OutcomesEn).HasMaxLength(ScenarioDetails.TextMax);
            c.Property(x => x.OutcomesZh).HasMaxLength(ScenarioDetails.TextMax);
            c.Property(x => x.Area).HasConversion<string>().HasMaxLength(20);
            c.Property(x => x.Sector).HasMaxLength(50);
            c.Property(x => x.Status).HasConversion<string>().HasMaxLength(20);
            c.Property(x => x.Kpis).HasConversion(JsonColumn.Converter<List<KpiOutcome>>(), JsonColumn.Comparer<KpiOutcome>());
            c.Property(x => x.Version).IsConcurrencyToken();
            c.PrimitiveCollection(x => x.Capabilities);
            c.HasIndex(x => new { x.Status, x.Sector });
            c.HasIndex(x => new { x.Status, x.Area });
            c.HasIndex(x => x.ProjectId).IsUnique();
        });
        modelBuilder.Entity<ReplicationInterest>(i =>
        {
            i.ToTable("replication_interests");
            i.HasKey(x => x.Id);
            i.Property(x => x.UserId).HasMaxLength(100);
            i.Property(x => x.Sector).HasMaxLength(50);
            i.Property(x => x.Note).HasMaxLength(ScenarioDetails.TextMax);
            i.HasIndex(x => x.SuccessCaseId);
        });
        modelBuilder.Entity<Solution>(s =>
        {
            s.ToTable("solutions");
            s.HasKey(x => x.Id);
            s.Property(x => x.Id).ValueGeneratedNever();
            s.Property(x => x.NameEn).HasMaxLength(ScenarioDetails.TitleMax);
            s.Property(x => x.NameZh).HasMaxLength(ScenarioDetails.TitleMax);
            s.Property(x => x.SummaryEn).HasMaxLength(500);
            s.Property(x => x.SummaryZh).HasMaxLength(500);
            s.Property(x => x.DescriptionEn).HasMaxLength(ScenarioDetails.TextMax);
            s.Property(x => x.DescriptionZh).HasMaxLength(ScenarioDetails.TextMax);
            s.Property(x => x.Status).HasConversion<string>().HasMaxLength(20);
            s.Property(x => x.DeploymentReferences).HasConversion(
                JsonColumn.Converter<List<DeploymentReference>>(), JsonColumn.Comparer<DeploymentReference>());
            s.Property(x => x.Version).IsConcurrencyToken();
            s.PrimitiveCollection(x => x.Capabilities);
            s.PrimitiveCollection(x => x.Sectors);
            s.HasIndex(x => new { x.Status, x.VendorOrganisationId });
        });
        // The rows of a provider's full-text query (see IScenarioSearch); not a table.
        modelBuilder.Entity<SearchHit>().HasNoKey().ToView(null);
        return modelBuilder;
    }
}
