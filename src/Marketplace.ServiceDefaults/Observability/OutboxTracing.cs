using System.Diagnostics;
using Marketplace.ServiceDefaults.Messaging;

namespace Marketplace.ServiceDefaults.Observability;

/// <summary>
/// The span an outbox event is published in. Its parent is the trace context stored with the event,
/// so the publish (and, through MassTransit's headers, the consumers) continue the trace of the
/// request or message that wrote it, however long the event waited in the outbox.
/// </summary>
internal static class OutboxTracing
{
    public static Activity? StartPublish(OutboxMessage message)
    {
        // Outside a stored trace (an event written by a timer, say) the publish starts its own.
        ActivityContext.TryParse(message.TraceParent, traceState: null, isRemote: true, out var parent);
        var activity = TelemetrySetup.Source.StartActivity("outbox publish", ActivityKind.Internal, parent);
        activity?.SetTag("messaging.message.id", message.MessageId.ToString());
        activity?.SetTag("marketplace.outbox.message_type", message.MessageType);
        return activity;
    }
}
