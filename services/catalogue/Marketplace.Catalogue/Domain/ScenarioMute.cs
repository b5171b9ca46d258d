namespace Marketplace.Catalogue.Domain;

/// <summary>A person asked not to be told about this scenario again (its amendments, whichever saved search matches).</summary>
public sealed class ScenarioMute
{
    private ScenarioMute()
    {
    }

    public ScenarioMute(string userId, Guid scenarioId, DateTimeOffset at)
    {
        UserId = userId;
        ScenarioId = scenarioId;
        MutedAt = at;
    }

    public string UserId { get; private set; } = "";

    public Guid ScenarioId { get; private set; }

    public DateTimeOffset MutedAt { get; private set; }
}
