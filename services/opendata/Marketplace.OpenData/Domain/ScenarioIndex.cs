namespace Marketplace.OpenData.Domain;

/// <summary>
/// One contracting process's public facts, per scenario: what the bulk downloads filter by (batch, department, year of
/// publication) and what the programme statistics count (area, sector, where it stands, its proposals once opened).
/// Events may arrive in any order, so the facts are kept and <see cref="Status"/> is derived from them.
/// </summary>
public sealed class ScenarioIndex
{
    private ScenarioIndex()
    {
    }

    public ScenarioIndex(Guid scenarioId, Guid departmentId)
    {
        (ScenarioId, DepartmentId) = (scenarioId, departmentId);
        Refresh();
    }

    public Guid ScenarioId { get; private set; }

    public Guid DepartmentId { get; private set; }

    public Guid? BatchId { get; private set; }

    /// <summary>The year of publication in Hong Kong time; null while only an award is known.</summary>
    public int? Year { get; private set; }

    public string TitleEn { get; private set; } = "";

    public string TitleZh { get; private set; } = "";

    /// <summary>The Smart City area's code; empty while only an award is known.</summary>
    public string Area { get; private set; } = "";

    public string Sector { get; private set; } = "";

    public DateTimeOffset? PublishedAt { get; private set; }

    public DateTimeOffset? ClosedAt { get; private set; }

    public bool Cancelled { get; private set; }

    /// <summary>When the award that stands was made; null when none stands (none yet, or it was cancelled).</summary>
    public DateTimeOffset? AwardedAt { get; private set; }

    public DateTimeOffset? CompletedAt { get; private set; }

    /// <summary>Proposals received, known only from the opening (never before the deadline).</summary>
    public int? Proposals { get; private set; }

    public PublicStatus Status { get; private set; }

    /// <summary>
    /// Changes with every fact: two events of one scenario consumed at once (an award and another's cancellation)
    /// conflict and the later retries on the row the earlier wrote, instead of overwriting the standing award.
    /// </summary>
    public int Version { get; private set; }

    public void Published(Guid departmentId, Guid? batchId, int year, string titleEn, string titleZh, string area, string sector, DateTimeOffset publishedAt)
    {
        (DepartmentId, BatchId, Year, TitleEn, TitleZh, Area, Sector, PublishedAt) = (departmentId, batchId ?? BatchId, year, titleEn, titleZh, area, sector, publishedAt);
        Refresh();
    }

    public void Retitled(string titleEn, string titleZh)
    {
        (TitleEn, TitleZh) = (titleEn, titleZh);
        Version++;
    }

    public void InBatch(Guid batchId)
    {
        BatchId = batchId;
        Version++;
    }

    public void Closed(bool cancelled, DateTimeOffset closedAt)
    {
        (ClosedAt, Cancelled) = (closedAt, Cancelled || cancelled);
        Refresh();
    }

    public void Opened(int proposals)
    {
        Proposals = proposals;
        Version++;
    }

    /// <summary>The award standing now (null when the last one was cancelled), as worked out from the scenario's projects.</summary>
    public void AwardStanding(DateTimeOffset? awardedAt)
    {
        AwardedAt = awardedAt;
        Refresh();
    }

    public void Completed(DateTimeOffset completedAt)
    {
        CompletedAt = completedAt;
        Refresh();
    }

    /// <summary>The furthest stage the facts show: completion, a standing award, cancellation, the deadline, publication.</summary>
    private void Refresh()
    {
        Version++;
        Status = StatusOf();
    }

    private PublicStatus StatusOf() =>
        CompletedAt is not null ? PublicStatus.Completed
        : AwardedAt is not null ? PublicStatus.Awarded
        : Cancelled ? PublicStatus.Cancelled
        : ClosedAt is not null ? PublicStatus.Evaluating
        : PublicStatus.Open;
}
