using Marketplace.ServiceDefaults.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Marketplace.ServiceDefaults.Messaging;

internal static class OutboxSetup
{
    public static void AddOutboxDispatcher<TContext>(this IServiceCollection services, IConfiguration configuration, string serviceName)
        where TContext : DbContext, IServiceDbContext
    {
        var options = configuration.GetSection(OutboxOptions.Section).Get<OutboxOptions>() ?? new OutboxOptions();
        services.TryAddSingleton(options);
        services.AddSingleton<OutboxDispatcher<TContext>>();
        services.AddHealthChecks().AddCheck<OutboxDeadLetterHealthCheck<TContext>>(
            $"{serviceName}-outbox", failureStatus: HealthStatus.Degraded, tags: [Health.HealthEndpoints.ReadyTag]);
        if (options.DispatcherEnabled)
        {
            services.AddHostedService(sp => sp.GetRequiredService<OutboxDispatcher<TContext>>());
        }
    }
}
