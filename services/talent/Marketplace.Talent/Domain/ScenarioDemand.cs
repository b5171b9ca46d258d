namespace Marketplace.Talent.Domain;

/// <summary>The skills a published scenario needs (from its capabilities), open until the catalogue closes it: demand for the skill-gap statistics.</summary>
public sealed class ScenarioDemand
{
    private ScenarioDemand()
    {
    }

    public ScenarioDemand(Guid scenarioId) => ScenarioId = scenarioId;

    public Guid ScenarioId { get; private set; }

    public List<string> SkillUris { get; private set; } = [];

    /// <summary>Null while only the closure is known.</summary>
    public DateTimeOffset? PublishedAt { get; private set; }

    public DateTimeOffset? ClosedAt { get; private set; }

    public Guid Version { get; private set; }

    public void Published(IEnumerable<string> skillUris, DateTimeOffset at)
    {
        if (PublishedAt is null)
        {
            (SkillUris, PublishedAt, Version) = ([.. skillUris.Distinct()], at, Guid.NewGuid());
        }
    }

    public void Closed(DateTimeOffset at) => (ClosedAt, Version) = (ClosedAt ?? at, Guid.NewGuid());

    public bool OpenAt(DateTimeOffset at) => PublishedAt is { } published && published <= at && (ClosedAt is null || ClosedAt > at);
}
