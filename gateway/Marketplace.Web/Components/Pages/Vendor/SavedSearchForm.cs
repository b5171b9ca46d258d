using System.Globalization;
using Marketplace.Web.Api;
using Marketplace.Web.Localization;

namespace Marketplace.Web.Components.Pages.Vendor;

/// <summary>A saved search as the browser posts it; the catalogue validates, this only reads the budgets as numbers.</summary>
public sealed class SavedSearchForm
{
    public static readonly IReadOnlyList<string> Frequencies = ["Instant", "Daily", "Off"];

    public string? Name { get; set; }
    public string? Query { get; set; }
    public string? Area { get; set; }
    public string? Sector { get; set; }
    public string? Capability { get; set; }
    public string? BudgetMin { get; set; }
    public string? BudgetMax { get; set; }
    public string? Frequency { get; set; } = "Instant";

    public static SavedSearchForm From(SavedSearch s) => new()
    {
        Name = s.Name, Query = s.Query, Area = s.Area, Sector = s.Sector, Capability = s.Capability,
        BudgetMin = s.BudgetMin?.ToString("0.##", CultureInfo.InvariantCulture), BudgetMax = s.BudgetMax?.ToString("0.##", CultureInfo.InvariantCulture),
        Frequency = s.Frequency,
    };

    public (SavedSearchBody Body, ApiProblem? Problem) ToBody(FormValues values)
    {
        var body = new SavedSearchBody(Name, Query, Empty(Area), Empty(Sector), Empty(Capability),
            values.Amount(BudgetMin, "budgetMin"), values.Amount(BudgetMax, "budgetMax"), Empty(Frequency));
        return (body, values.Problem);
    }

    private static string? Empty(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}
