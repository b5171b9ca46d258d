using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace Marketplace.ServiceDefaults.Data;

/// <summary>
/// SQLite has no native decimal or timestamp-with-offset type, and EF cannot compare or sort those
/// stored as text. Money becomes integer cents and instants become sortable binary ticks (all UTC),
/// so filters and ordering run in the database on both providers.
/// </summary>
public static class SqliteConventions
{
    public static void Apply(ModelConfigurationBuilder configuration)
    {
        configuration.Properties<decimal>().HaveConversion<DecimalToCentsConverter>();
        configuration.Properties<DateTimeOffset>().HaveConversion<DateTimeOffsetToBinaryConverter>();
    }

    private sealed class DecimalToCentsConverter() : ValueConverter<decimal, long>(
        v => (long)decimal.Round(v * 100m, 0, MidpointRounding.AwayFromZero),
        v => v / 100m);
}
