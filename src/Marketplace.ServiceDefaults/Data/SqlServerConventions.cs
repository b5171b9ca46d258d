using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Microsoft.EntityFrameworkCore.Metadata.Conventions;

namespace Marketplace.ServiceDefaults.Data;

/// <summary>
/// SQL Server compares text by its collation, and the usual server default is case-insensitive, so a
/// filter, a unique index or a search token would match differently than on PostgreSQL and SQLite,
/// which compare ordinally. Every text column gets a binary collation in its own definition (no
/// database-level ALTER, which cannot run inside a migration's transaction), so the three providers
/// agree on what is equal and how text sorts. That includes enums stored by name.
/// </summary>
public static class SqlServerConventions
{
    public const string OrdinalCollation = "Latin1_General_100_BIN2";

    public static void Apply(ModelConfigurationBuilder configuration)
    {
        configuration.Properties<string>().UseCollation(OrdinalCollation);
        configuration.Conventions.Add(_ => new EnumNamesCompareOrdinally());
    }

    /// <summary>
    /// An enum stored by name (<c>HasConversion&lt;string&gt;()</c>) is configured per property, after the
    /// <c>Properties&lt;string&gt;()</c> defaults apply, so it is given the same collation when the model is finished.
    /// </summary>
    private sealed class EnumNamesCompareOrdinally : IModelFinalizingConvention
    {
        public void ProcessModelFinalizing(IConventionModelBuilder modelBuilder, IConventionContext<IConventionModelBuilder> context)
        {
            foreach (var property in modelBuilder.Metadata.GetEntityTypes().SelectMany(e => e.GetDeclaredProperties()))
            {
                var clrType = Nullable.GetUnderlyingType(property.ClrType) ?? property.ClrType;
                var storedAs = property.GetProviderClrType() ?? property.GetValueConverter()?.ProviderClrType;
                if (clrType.IsEnum && storedAs == typeof(string) && property.GetCollation() is null)
                {
                    property.Builder.UseCollation(OrdinalCollation);
                }
            }
        }
    }
}
