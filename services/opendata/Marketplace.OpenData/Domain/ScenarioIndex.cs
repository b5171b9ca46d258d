namespace Marketplace.OpenData.Domain;

/// <summary>What the bulk downloads filter by (batch, department, year of publication), per scenario.</summary>
public sealed class ScenarioIndex
{
    private ScenarioIndex()
    {
    }

    public ScenarioIndex(Guid scenarioId, Guid departmentId)
    {
        (ScenarioId, DepartmentId) = (scenarioId, departmentId);
    }

    public Guid ScenarioId { get; private set; }

    public Guid DepartmentId { get; private set; }

    public Guid? BatchId { get; private set; }

    /// <summary>The year of publication in Hong Kong time; null while only an award is known.</summary>
    public int? Year { get; private set; }

    public string TitleEn { get; private set; } = "";

    public void Published(Guid departmentId, Guid? batchId, int year, string titleEn)
    {
        (DepartmentId, BatchId, Year, TitleEn) = (departmentId, batchId ?? BatchId, year, titleEn);
    }

    public void Retitled(string titleEn) => TitleEn = titleEn;

    public void InBatch(Guid batchId) => BatchId = batchId;
}
