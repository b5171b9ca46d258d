using Marketplace.Catalogue.Domain;
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
        // The rows of a provider's full-text query (see IScenarioSearch); not a table.
        modelBuilder.Entity<SearchHit>().HasNoKey().ToView(null);
        return modelBuilder;
    }
}
