using System.Globalization;
using CsvHelper;
using CsvHelper.Configuration;

namespace Marketplace.OpenData.Statistics;

/// <summary>
/// Each figure of <see cref="ProgrammeStatistics"/> as a CSV table: the very rows of the JSON answer, one per line,
/// with the JSON's property names as headers, so the two cannot disagree.
/// </summary>
public static class StatisticsCsv
{
    public static readonly IReadOnlyDictionary<string, Func<ProgrammeStatistics, Func<CsvWriter, CancellationToken, Task>>> Figures =
        new Dictionary<string, Func<ProgrammeStatistics, Func<CsvWriter, CancellationToken, Task>>>(StringComparer.Ordinal)
        {
            ["scenarios-by-area"] = s => Rows(s.Scenarios.ByArea),
            ["scenarios-by-sector"] = s => Rows(s.Scenarios.BySector),
            ["scenarios-by-status"] = s => Rows(s.Scenarios.ByStatus),
            ["scenarios-by-batch"] = s => Rows(s.Scenarios.ByBatch),
            ["proposals-per-scenario"] = s => Rows(s.Proposals.Top),
            ["awards-by-size"] = s => Rows(s.Awards.BySize),
            ["timing"] = s => Rows(s.Timing),
            ["funds-by-scheme"] = s => Rows(s.Funds),
            ["success-by-sector"] = s => Rows(s.SuccessBySector),
        };

    public static CsvConfiguration Configuration => new(CultureInfo.InvariantCulture)
    {
        // A sector or title starting with = + - @ must not run as a formula in a spreadsheet.
        InjectionOptions = InjectionOptions.Escape,
        PrepareHeaderForMatch = a => a.Header.ToLowerInvariant(),
    };

    private static Func<CsvWriter, CancellationToken, Task> Rows<T>(IEnumerable<T> rows) => async (csv, ct) =>
    {
        csv.Context.RegisterClassMap(new CamelCaseMap<T>());
        csv.WriteHeader<T>();
        await csv.NextRecordAsync();
        await csv.WriteRecordsAsync(rows, ct);
    };

    /// <summary>Headers named as the JSON names the properties (camelCase).</summary>
    private sealed class CamelCaseMap<T> : ClassMap<T>
    {
        public CamelCaseMap()
        {
            AutoMap(CultureInfo.InvariantCulture);
            foreach (var member in MemberMaps)
            {
                var name = member.Data.Member!.Name;
                member.Name(char.ToLowerInvariant(name[0]) + name[1..]);
            }
        }
    }
}
