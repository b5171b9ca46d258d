using Marketplace.ServiceDefaults.Text;

namespace Marketplace.Catalogue.Domain;

public enum AlertFrequency
{
    /// <summary>A notification for every matching publication or amendment.</summary>
    Instant,

    /// <summary>One digest a day listing what matched.</summary>
    Daily,

    /// <summary>Kept for searching by hand; no notifications.</summary>
    Off,
}

/// <summary>
/// A person's saved search: the same text and filters as the scenario search, and how often to be
/// told about new or amended scenarios that match it.
/// </summary>
public sealed class SavedSearch
{
    private SavedSearch()
    {
    }

    public Guid Id { get; private set; }

    public string UserId { get; private set; } = "";

    public string Name { get; private set; } = "";

    public string Query { get; private set; } = "";

    /// <summary>The query's search tokens, so matching a new scenario needs no database round trip.</summary>
    public List<string> QueryTokens { get; private set; } = [];

    public SmartCityArea? Area { get; private set; }

    public string? Sector { get; private set; }

    public string? Capability { get; private set; }

    public decimal? BudgetMin { get; private set; }

    public decimal? BudgetMax { get; private set; }

    public AlertFrequency Frequency { get; private set; }

    public DateTimeOffset CreatedAt { get; private set; }

    /// <summary>When the last daily digest for this search was sent.</summary>
    public DateTimeOffset? LastDigestAt { get; private set; }

    public static SavedSearch Create(string userId, string name, string query, SmartCityArea? area, string? sector, string? capability,
        decimal? budgetMin, decimal? budgetMax, AlertFrequency frequency, DateTimeOffset now)
    {
        var search = new SavedSearch { Id = Guid.NewGuid(), UserId = userId, CreatedAt = now };
        search.Change(name, query, area, sector, capability, budgetMin, budgetMax, frequency);
        return search;
    }

    public void Change(string name, string query, SmartCityArea? area, string? sector, string? capability,
        decimal? budgetMin, decimal? budgetMax, AlertFrequency frequency)
    {
        Name = name.Trim();
        Query = query.Trim();
        QueryTokens = [.. SearchTokens.Query(query)];
        Area = area;
        Sector = sector;
        Capability = capability;
        BudgetMin = budgetMin;
        BudgetMax = budgetMax;
        Frequency = frequency;
    }

    /// <summary>
    /// The same rules as the scenario search: every query token in the scenario's tokens, every filter
    /// satisfied (budget ranges overlap).
    /// </summary>
    public bool Matches(Scenario scenario)
    {
        if ((Area is { } area && scenario.Area != area) || (Sector is { } sector && scenario.Sector != sector)
            || (Capability is { } capability && !scenario.Capabilities.Contains(capability))
            || (BudgetMin is { } min && scenario.BudgetMaxHkd < min) || (BudgetMax is { } max && scenario.BudgetMinHkd > max))
        {
            return false;
        }
        if (QueryTokens.Count == 0)
        {
            return true;
        }
        var tokens = new HashSet<string>(scenario.SearchTitle.Split(' '), StringComparer.Ordinal);
        tokens.UnionWith(scenario.SearchBody.Split(' '));
        return QueryTokens.All(tokens.Contains);
    }

    public void DigestSent(DateTimeOffset now) => LastDigestAt = now;
}
