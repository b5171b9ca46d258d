using Marketplace.ServiceDefaults.Observability;
using MassTransit;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Marketplace.ServiceDefaults.Messaging;

public static class MessagingSetup
{
    /// <summary>Lets a module add its consumers to the bus the host builds later.</summary>
    public static ConsumerRegistrations Consumers(this WebApplicationBuilder builder)
    {
        var existing = builder.Services.FirstOrDefault(d => d.ServiceType == typeof(ConsumerRegistrations))?.ImplementationInstance;
        if (existing is ConsumerRegistrations registrations)
        {
            return registrations;
        }
        registrations = new ConsumerRegistrations();
        builder.Services.AddSingleton(registrations);
        return registrations;
    }

    /// <summary>
    /// Builds the process's one bus with every module's consumers: in-memory or RabbitMQ by
    /// configuration, retries with intervals, then the endpoint's <c>_error</c> queue (MassTransit's
    /// default fault handling moves the message there; it is never acknowledged and dropped).
    /// </summary>
    public static WebApplicationBuilder AddMessaging(this WebApplicationBuilder builder)
    {
        var options = builder.Configuration.GetSection(MessagingOptions.Section).Get<MessagingOptions>() ?? new MessagingOptions();
        builder.Services.AddSingleton(options);
        builder.Services.AddSingleton<ErrorQueueReplay>();
        var registrations = builder.Consumers();

        builder.Services.AddMassTransit(x =>
        {
            // MassTransit 8.4 reports usage to its vendor over the internet unless told not to; the marketplace sends nothing out.
            x.DisableUsageTelemetry();
            foreach (var register in registrations.All)
            {
                register(x);
            }

            if (options is { Transport: MessageTransport.RabbitMq, QuorumQueues: true })
            {
                x.AddConfigureEndpointsCallback((_, endpoint) =>
                {
                    if (endpoint is IRabbitMqReceiveEndpointConfigurator rabbit)
                    {
                        rabbit.SetQuorumQueue();
                    }
                });
            }

            switch (options.Transport)
            {
                case MessageTransport.RabbitMq:
                    x.UsingRabbitMq((context, cfg) =>
                    {
                        var uri = new Uri(options.RabbitMqUri);
                        var userInfo = Uri.UnescapeDataString(uri.UserInfo).Split(':', 2);
                        var virtualHost = uri.AbsolutePath.Trim('/');
                        cfg.Host(uri.Host, (ushort)(uri.IsDefaultPort ? 5672 : uri.Port), virtualHost.Length == 0 ? "/" : Uri.UnescapeDataString(virtualHost), h =>
                        {
                            if (userInfo.Length == 2)
                            {
                                h.Username(userInfo[0]);
                                h.Password(userInfo[1]);
                            }
                        });
                        ConfigureBus(context, cfg, options);
                    });
                    break;
                default:
                    x.UsingInMemory((context, cfg) => ConfigureBus(context, cfg, options));
                    break;
            }
        });
        builder.Services.Configure<MassTransitHostOptions>(o =>
        {
            o.WaitUntilStarted = true;
            o.StartTimeout = TimeSpan.FromSeconds(60);
            o.StopTimeout = TimeSpan.FromSeconds(30);
        });
        return builder;
    }

    private static void ConfigureBus<T>(IBusRegistrationContext context, IBusFactoryConfigurator<T> cfg, MessagingOptions options)
        where T : IReceiveEndpointConfigurator
    {
        cfg.UseConsumeFilter(typeof(MessageLogScopeFilter<>), context);
        cfg.UseMessageRetry(r => r.Intervals(options.RetryIntervalsMs));
        cfg.ConfigureEndpoints(context);
    }
}
