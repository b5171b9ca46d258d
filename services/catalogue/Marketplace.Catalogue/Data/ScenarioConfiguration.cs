using Marketplace.Catalogue.Domain;
using Marketplace.ServiceDefaults.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Marketplace.Catalogue.Data;

internal sealed class ScenarioConfiguration : IEntityTypeConfiguration<Scenario>
{
    public void Configure(EntityTypeBuilder<Scenario> builder)
    {
        builder.ToTable("scenarios");
        builder.HasKey(s => s.Id);
        builder.Property(s => s.Id).ValueGeneratedNever();
        builder.Property(s => s.Status).HasConversion<string>().HasMaxLength(20);
        builder.Property(s => s.Area).HasConversion<string>().HasMaxLength(20);
        builder.Property(s => s.DataResidency).HasConversion<string>().HasMaxLength(30);
        builder.Property(s => s.TitleEn).HasMaxLength(ScenarioDetails.TitleMax);
        builder.Property(s => s.TitleZh).HasMaxLength(ScenarioDetails.TitleMax);
        builder.Property(s => s.ProblemEn).HasMaxLength(ScenarioDetails.TextMax);
        builder.Property(s => s.ProblemZh).HasMaxLength(ScenarioDetails.TextMax);
        builder.Property(s => s.ExpectedOutcomesEn).HasMaxLength(ScenarioDetails.TextMax);
        builder.Property(s => s.ExpectedOutcomesZh).HasMaxLength(ScenarioDetails.TextMax);
        builder.Property(s => s.Sector).HasMaxLength(50);
        builder.Property(s => s.BudgetMinHkd).HasPrecision(14, 2);
        builder.Property(s => s.BudgetMaxHkd).HasPrecision(14, 2);
        builder.Property(s => s.ClosureReason).HasMaxLength(1000);
        builder.Property(s => s.Version).IsConcurrencyToken();
        builder.Property(s => s.DataDescriptionEn).HasMaxLength(ScenarioDetails.TextMax);
        builder.Property(s => s.DataDescriptionZh).HasMaxLength(ScenarioDetails.TextMax);
        builder.Property(s => s.DataFormat).HasMaxLength(ScenarioDetails.TitleMax);
        builder.Property(s => s.AiRiskTier).HasConversion<string>().HasMaxLength(10);
        builder.Property(s => s.ContactName).HasMaxLength(ScenarioDetails.TitleMax);
        builder.Property(s => s.ContactEmail).HasMaxLength(ScenarioDetails.TitleMax);
        builder.Property(s => s.ReturnReason).HasMaxLength(1000);
        builder.Property(s => s.Kpis).HasConversion(JsonColumn.Converter<List<Kpi>>(), JsonColumn.Comparer<Kpi>());
        builder.Ignore(s => s.IsPublic);
        builder.PrimitiveCollection(s => s.Capabilities);
        builder.PrimitiveCollection(s => s.TargetSchemes);
        builder.PrimitiveCollection(s => s.CancelledProjectIds);
        builder.Property(s => s.AwardedValueHkd).HasPrecision(14, 2);
        builder.HasIndex(s => new { s.Status, s.PublishedAt });
        builder.HasIndex(s => new { s.DepartmentId, s.Status });
        builder.HasIndex(s => new { s.Area, s.Status });
        builder.HasIndex(s => new { s.Sector, s.Status });
        builder.HasIndex(s => new { s.BatchId, s.Status });
        builder.HasIndex(s => new { s.Status, s.ProposalDeadline });
    }
}
