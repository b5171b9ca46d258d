namespace Marketplace.ServiceDefaults.Messaging;

/// <summary>A message a consumer has already applied; its presence turns a redelivery into a no-op.</summary>
public sealed class InboxMessage
{
    private InboxMessage()
    {
    }

    public InboxMessage(Guid messageId, string consumer, DateTimeOffset processedAt)
    {
        MessageId = messageId;
        Consumer = consumer;
        ProcessedAt = processedAt;
    }

    public Guid MessageId { get; private set; }

    public string Consumer { get; private set; } = "";

    public DateTimeOffset ProcessedAt { get; private set; }
}
