namespace Marketplace.OpenData.Domain;

/// <summary>A published success case, counted by sector (and filtered by its department or its scenario's batch and year).</summary>
public sealed class SuccessCaseFact
{
    private SuccessCaseFact()
    {
    }

    public SuccessCaseFact(Guid id, Guid? scenarioId, Guid departmentId, string sector, DateTimeOffset publishedAt)
    {
        (Id, ScenarioId, DepartmentId, Sector, PublishedAt) = (id, scenarioId, departmentId, sector, publishedAt);
    }

    public Guid Id { get; private set; }

    public Guid? ScenarioId { get; private set; }

    public Guid DepartmentId { get; private set; }

    public string Sector { get; private set; } = "";

    public DateTimeOffset PublishedAt { get; private set; }
}
