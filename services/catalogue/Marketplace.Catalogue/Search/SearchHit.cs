namespace Marketplace.Catalogue.Search;

/// <summary>A scenario that matched a full-text query, with its relevance (higher is better).</summary>
public sealed class SearchHit
{
    public Guid ScenarioId { get; set; }

    public double Rank { get; set; }
}
