namespace Marketplace.OpenData.Domain;

/// <summary>
/// An organisation's interest in replicating a success case, counted by sector. Who is interested and their note are
/// not kept: the statistics count interest, they do not name it.
/// </summary>
public sealed class ReplicationInterestFact
{
    private ReplicationInterestFact()
    {
    }

    public ReplicationInterestFact(Guid id, Guid successCaseId, string sector, DateTimeOffset registeredAt)
    {
        (Id, SuccessCaseId, Sector, RegisteredAt) = (id, successCaseId, sector, registeredAt);
    }

    public Guid Id { get; private set; }

    public Guid SuccessCaseId { get; private set; }

    public string Sector { get; private set; } = "";

    public DateTimeOffset RegisteredAt { get; private set; }
}
