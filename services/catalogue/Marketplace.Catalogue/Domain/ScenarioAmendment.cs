namespace Marketplace.Catalogue.Domain;

/// <summary>A recorded change to a published scenario: what changed, why (in both languages), and the deadline before and after.</summary>
public sealed class ScenarioAmendment
{
    private ScenarioAmendment()
    {
    }

    public ScenarioAmendment(Guid scenarioId, int number, string summaryEn, string summaryZh, IReadOnlyList<string> changedFields,
        DateTimeOffset deadlineBefore, DateTimeOffset deadlineAfter, string amendedBy, DateTimeOffset amendedAt)
    {
        Id = Guid.NewGuid();
        ScenarioId = scenarioId;
        Number = number;
        SummaryEn = summaryEn;
        SummaryZh = summaryZh;
        ChangedFields = [.. changedFields];
        DeadlineBefore = deadlineBefore;
        DeadlineAfter = deadlineAfter;
        AmendedBy = amendedBy;
        AmendedAt = amendedAt;
    }

    public Guid Id { get; private set; }

    public Guid ScenarioId { get; private set; }

    public int Number { get; private set; }

    public string SummaryEn { get; private set; } = "";

    public string SummaryZh { get; private set; } = "";

    public List<string> ChangedFields { get; private set; } = [];

    public DateTimeOffset DeadlineBefore { get; private set; }

    public DateTimeOffset DeadlineAfter { get; private set; }

    public string AmendedBy { get; private set; } = "";

    public DateTimeOffset AmendedAt { get; private set; }

    public bool ExtendedDeadline => DeadlineAfter != DeadlineBefore;
}
