using MassTransit;
using Microsoft.Extensions.Logging;

namespace Marketplace.ServiceDefaults.Observability;

/// <summary>
/// Names the consumed message in the logs written while it is handled. The trace (and with it the
/// correlation id) needs no filter: MassTransit continues the publisher's trace in the consumer's span.
/// </summary>
public sealed class MessageLogScopeFilter<T>(ILogger<MessageLogScopeFilter<T>> logger) : IFilter<ConsumeContext<T>>
    where T : class
{
    public async Task Send(ConsumeContext<T> context, IPipe<ConsumeContext<T>> next)
    {
        using (logger.BeginScope(new Dictionary<string, object>
        {
            ["MessageId"] = context.MessageId?.ToString() ?? "",
            ["MessageType"] = typeof(T).Name,
        }))
        {
            await next.Send(context);
        }
    }

    public void Probe(ProbeContext context) => context.CreateFilterScope("message-log-scope");
}
