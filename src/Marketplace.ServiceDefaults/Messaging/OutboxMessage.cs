using System.Text.Json;
using System.Text.Json.Serialization;

namespace Marketplace.ServiceDefaults.Messaging;

/// <summary>An event waiting to be published, stored in the same transaction as the state change that caused it.</summary>
public sealed class OutboxMessage
{
    /// <summary>Enums as their names, like MassTransit's serializer: a stored row still reads after an enum gains or reorders members.</summary>
    internal static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { Converters = { new JsonStringEnumConverter() } };

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

    /// <summary>Set when the row failed <c>Outbox:MaxAttempts</c> times: it is held for an operator and no longer holds back the rows behind it.</summary>
    public DateTimeOffset? DeadLetteredAt { get; private set; }

    public static OutboxMessage From<T>(T message, DateTimeOffset now)
        where T : class => new()
        {
            MessageId = Guid.NewGuid(),
            // The runtime type: a caller holding the event as object still stores what it really is.
            MessageType = MessageTypes.NameOf(message.GetType()),
            Body = JsonSerializer.Serialize(message, message.GetType(), Json),
            TraceParent = Observability.CorrelationId.CurrentTraceParent,
            CreatedAt = now,
        };

    public Type? ResolveType() => MessageTypes.Resolve(MessageType);

    public object Deserialize(Type type) =>
        JsonSerializer.Deserialize(Body, type, Json) ?? throw new InvalidOperationException($"Outbox message {MessageId} has an empty body.");

    internal void MarkDispatched(DateTimeOffset now)
    {
        DispatchedAt = now;
        LastError = null;
        NextAttemptAt = null;
    }

    /// <summary>Counts a failed attempt; the last one allowed sets the row aside instead of scheduling another.</summary>
    internal void MarkFailed(string error, DateTimeOffset now, int maxAttempts)
    {
        Attempts++;
        LastError = error.Length > 1000 ? error[..1000] : error;
        if (Attempts >= maxAttempts)
        {
            DeadLetteredAt = now;
            NextAttemptAt = null;
            return;
        }
        // Exponential backoff capped at five minutes: a broker outage must not turn into a hot loop.
        var delay = TimeSpan.FromSeconds(Math.Min(300, Math.Pow(2, Math.Min(Attempts, 9))));
        NextAttemptAt = now + delay;
    }

    /// <summary>An operator's decision to try a set-aside row again, with a fresh count of attempts.</summary>
    public void Requeue()
    {
        DeadLetteredAt = null;
        Attempts = 0;
        NextAttemptAt = null;
    }
}
