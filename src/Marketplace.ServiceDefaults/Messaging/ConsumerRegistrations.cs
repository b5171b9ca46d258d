using System.Text.RegularExpressions;
using MassTransit;

namespace Marketplace.ServiceDefaults.Messaging;

/// <summary>
/// What each module contributes to the process's single bus. In standalone mode several modules
/// share one bus, so queue names carry the owning service (<c>matching-scenario-published</c>).
/// </summary>
public sealed partial class ConsumerRegistrations
{
    private readonly List<Action<IBusRegistrationConfigurator>> _registrations = [];
    private readonly List<string> _endpoints = [];

    public IReadOnlyList<Action<IBusRegistrationConfigurator>> All => _registrations;

    /// <summary>The receive endpoints (queues) of this process; each has an <c>_error</c> queue beside it.</summary>
    public IReadOnlyList<string> Endpoints => _endpoints;

    public ConsumerRegistrations Add<TConsumer>(string service)
        where TConsumer : class, IConsumer =>
        Add<TConsumer>(service, static (_, _) => { }, static _ => { });

    /// <summary>
    /// A consumer whose consumption is tuned (batch options, concurrency, prefetch), for the few
    /// events that arrive in bursts; <paramref name="endpoint"/> must not change the queue's name.
    /// </summary>
    public ConsumerRegistrations Add<TConsumer>(string service, Action<IRegistrationContext, IConsumerConfigurator<TConsumer>> consumer, Action<IEndpointRegistrationConfigurator> endpoint)
        where TConsumer : class, IConsumer
    {
        // Generic consumers shared by every service (TokensRevokedConsumer`1) are named without their arity.
        var typeName = typeof(TConsumer).Name.Split('`')[0];
        var name = $"{service}-{Kebab(typeName.Replace("Consumer", "", StringComparison.Ordinal))}";
        _registrations.Add(x => x.AddConsumer(consumer).Endpoint(e =>
        {
            endpoint(e);
            e.Name = name;
        }));
        _endpoints.Add(name);
        return this;
    }

    public static string Kebab(string name) => UpperCase().Replace(name, "-$1").Trim('-').ToLowerInvariant();

    [GeneratedRegex("(?<!^)([A-Z])")]
    private static partial Regex UpperCase();
}
