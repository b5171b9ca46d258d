using Marketplace.Catalogue.Api;

namespace Marketplace.Bench.Search;

/// <summary>One search of the benchmark: what it stands for, its query string, and the query the endpoint would bind.</summary>
internal sealed record BenchQuery(string Name, string QueryString, ScenarioQuery Query)
{
    /// <summary>The searches timed for every provider and size.</summary>
    public static IReadOnlyList<BenchQuery> All { get; } =
    [
        Make("English word, common", q: "hospital"),
        Make("English word, rare", q: "Stanley"),
        Make("English, two words", q: "bus arrival"),
        Make("Chinese, two characters", q: "醫療"),
        Make("Chinese, four characters", q: "輪候時間"),
        Make("Query + area + sector", q: "detection", area: "Environment", sector: "environment"),
        Make("Filters only (area + sector)", area: "Mobility", sector: "transport"),
        Make("No query, no filter (first page)"),
        Make("Query, sort=deadline", q: "forecasting", sort: "deadline"),
        Make("Broad query, page 5", q: "inspection", page: 5),
    ];

    private static BenchQuery Make(string name, string? q = null, string? area = null, string? sector = null, string? sort = null, int? page = null)
    {
        var parameters = new List<string>();
        void Add(string key, object? value)
        {
            if (value is not null)
            {
                parameters.Add($"{key}={value}");
            }
        }
        Add("q", q);
        Add("area", area);
        Add("sector", sector);
        Add("sort", sort);
        Add("page", page);
        var query = new ScenarioQuery(
            Q: q, Area: area, Sector: sector, Capability: null, Status: null, DepartmentId: null, BatchId: null,
            BudgetMin: null, BudgetMax: null, DeadlineFrom: null, DeadlineTo: null, Sort: sort, Page: page, PageSize: null);
        return new BenchQuery(name, parameters.Count == 0 ? "(none)" : string.Join('&', parameters), query);
    }
}
