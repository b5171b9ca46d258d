namespace Marketplace.OpenData.Domain;

/// <summary>
/// A funding event (milestone or payment) whose application's decision has not arrived yet, so neither its scenario
/// (the ocid) nor its funder is known: it waits here and is published when the decision links it.
/// </summary>
public sealed class PendingRelease
{
    private PendingRelease()
    {
    }

    public PendingRelease(Guid applicationId, string eventType, string eventJson, DateTimeOffset receivedAt)
    {
        (Id, ApplicationId, EventType, EventJson, ReceivedAt) = (Guid.NewGuid(), applicationId, eventType, eventJson, receivedAt);
    }

    public Guid Id { get; private set; }

    public Guid ApplicationId { get; private set; }

    /// <summary>The contract's name (<c>MilestoneAccepted</c> or <c>DisbursementReleased</c>).</summary>
    public string EventType { get; private set; } = "";

    public string EventJson { get; private set; } = "";

    public DateTimeOffset ReceivedAt { get; private set; }
}
