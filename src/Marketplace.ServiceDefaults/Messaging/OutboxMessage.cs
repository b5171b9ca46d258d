using System.Text.Json;

namespace Marketplace.ServiceDefaults.Messaging;

/// <summary>An event waiting to be published, stored in the same transaction as the state change that caused it.</summary>
public sealed class OutboxMessage
{
    internal static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    private OutboxMessage()
    {
    }

    /// <summary>Insertion order; the dispatcher publishes in this order.</summary>
    public long Sequence { get; private set; }

    /// <summary>The MassTransit message id, so consumers' inboxes recognise a re-published event.</summary>
    public Guid MessageId { get; private set; }

    public string MessageType { get; private set; } = "";

    public string Body { get; private set; } = "";

    /// <summary>
    /// The W3C <c>traceparent</c> of the activity that wrote the event (stored in the column named
    /// CorrelationId): the dispatcher publishes inside that trace, so consumers continue it.
    /// </summary>
    public string? TraceParent { get; private set; }

    public DateTimeOffset CreatedAt { get; private set; }

    public DateTimeOffset? DispatchedAt { get; private set; }

    public int Attempts { get; private set; }

    public DateTimeOffset? NextAttemptAt { get; private set; }

    public string? LastError { get; private set; }

    public static OutboxMessage From<T>(T message, DateTimeOffset now)
        where T : class => new()
        {
            MessageId = Guid.NewGuid(),
            // The runtime type: a caller holding the event as object still stores what it really is.
            MessageType = message.GetType().AssemblyQualifiedName!.Split(", Version=")[0],
            Body = JsonSerializer.Serialize(message, message.GetType(), Json),
            TraceParent = Observability.CorrelationId.CurrentTraceParent,
            CreatedAt = now,
        };

    public Type? ResolveType() => Type.GetType(MessageType, throwOnError: false);

    public object Deserialize(Type type) =>
        JsonSerializer.Deserialize(Body, type, Json) ?? throw new InvalidOperationException($"Outbox message {MessageId} has an empty body.");

    internal void MarkDispatched(DateTimeOffset now)
    {
        DispatchedAt = now;
        LastError = null;
        NextAttemptAt = null;
    }

    internal void MarkFailed(string error, DateTimeOffset now)
    {
        Attempts++;
        LastError = error.Length > 1000 ? error[..1000] : error;
        // Exponential backoff capped at five minutes: a broker outage must not turn into a hot loop.
        var delay = TimeSpan.FromSeconds(Math.Min(300, Math.Pow(2, Math.Min(Attempts, 9))));
        NextAttemptAt = now + delay;
    }
}
