namespace Marketplace.Funding.Domain;

/// <summary>What funding keeps of a published scenario (ScenarioPublished, ScenarioAmended): its titles, sector and target schemes.</summary>
public sealed class ScenarioFacts
{
    private ScenarioFacts()
    {
    }

    public ScenarioFacts(Guid scenarioId) => ScenarioId = scenarioId;

    public Guid ScenarioId { get; private set; }

    public Guid DepartmentId { get; private set; }

    public string TitleEn { get; private set; } = "";

    public string TitleZh { get; private set; } = "";

    public string Sector { get; private set; } = "";

    /// <summary>Scheme codes of the catalogue's taxonomy, in the scenario's order of preference.</summary>
    public List<string> TargetSchemes { get; private set; } = [];

    public DateTimeOffset AsOf { get; private set; }

    public Guid Version { get; private set; }

    public void Published(Guid departmentId, string titleEn, string titleZh, string sector, IEnumerable<string> targetSchemes, DateTimeOffset at)
    {
        if (at < AsOf)
        {
            return;
        }
        (DepartmentId, TitleEn, TitleZh, Sector, TargetSchemes, AsOf, Version) = (departmentId, titleEn, titleZh, sector, [.. targetSchemes], at, Guid.NewGuid());
    }

    public void Amended(string titleEn, string titleZh, DateTimeOffset at)
    {
        if (at < AsOf)
        {
            return;
        }
        (TitleEn, TitleZh, AsOf, Version) = (titleEn, titleZh, at, Guid.NewGuid());
    }
}
