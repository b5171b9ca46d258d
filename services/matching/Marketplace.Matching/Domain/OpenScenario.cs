namespace Marketplace.Matching.Domain;

/// <summary>
/// Matching's read model of a catalogue scenario, built only from catalogue events. Events may
/// arrive twice or out of order: a closure seen before the publication leaves a closed record that
/// the late publication does not reopen.
/// </summary>
public sealed class OpenScenario
{
    private OpenScenario()
    {
    }

    public Guid ScenarioId { get; private set; }

    public Guid DepartmentId { get; private set; }

    public string TitleEn { get; private set; } = "";

    public string TitleZh { get; private set; } = "";

    public string Area { get; private set; } = "";

    public string Sector { get; private set; } = "";

    public List<string> Capabilities { get; private set; } = [];

    public decimal BudgetMinHkd { get; private set; }

    public decimal BudgetMaxHkd { get; private set; }

    public DateTimeOffset? ProposalDeadline { get; private set; }

    public DateTimeOffset? PublishedAt { get; private set; }

    public DateTimeOffset? ClosedAt { get; private set; }

    public bool IsOpen => PublishedAt is not null && ClosedAt is null;

    public static OpenScenario Known(Guid scenarioId, Guid departmentId) => new() { ScenarioId = scenarioId, DepartmentId = departmentId };

    public void Published(string titleEn, string titleZh, string area, string sector, IEnumerable<string> capabilities,
        decimal budgetMinHkd, decimal budgetMaxHkd, DateTimeOffset deadline, DateTimeOffset publishedAt)
    {
        TitleEn = titleEn;
        TitleZh = titleZh;
        Area = area;
        Sector = sector;
        Capabilities = [.. capabilities];
        BudgetMinHkd = budgetMinHkd;
        BudgetMaxHkd = budgetMaxHkd;
        ProposalDeadline = deadline;
        PublishedAt = publishedAt;
    }

    public void Closed(DateTimeOffset closedAt) => ClosedAt ??= closedAt;
}
