using MassTransit;
using Microsoft.Extensions.Logging;

namespace Marketplace.ServiceDefaults.Observability;

/// <summary>Carries the correlation id of a consumed message into logs and into the events it causes.</summary>
public sealed class CorrelationConsumeFilter<T>(ILogger<CorrelationConsumeFilter<T>> logger) : IFilter<ConsumeContext<T>>
    where T : class
{
    public async Task Send(ConsumeContext<T> context, IPipe<ConsumeContext<T>> next)
    {
        var id = CorrelationId.Sanitize(context.Headers.Get<string>(CorrelationId.Header));
        CorrelationId.Current = id;
        using (logger.BeginScope(new Dictionary<string, object>
        {
            [CorrelationId.LogProperty] = id,
            ["MessageId"] = context.MessageId?.ToString() ?? "",
            ["MessageType"] = typeof(T).Name,
        }))
        {
            await next.Send(context);
        }
    }

    public void Probe(ProbeContext context) => context.CreateFilterScope("correlation");
}
