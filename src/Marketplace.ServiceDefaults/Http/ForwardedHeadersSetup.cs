using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.HttpOverrides;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Marketplace.ServiceDefaults.Http;

/// <summary>
/// Forwarded headers are honoured only from the configured proxies. The stock middleware trusts any
/// sender when its lists are empty, so with nothing configured it is not added at all.
/// </summary>
internal static class ForwardedHeadersSetup
{
    public static IServiceCollection AddKnownProxies(this IServiceCollection services, IConfiguration configuration)
    {
        var known = configuration.GetSection(KnownProxiesOptions.Section).Get<KnownProxiesOptions>() ?? new KnownProxiesOptions();
        services.AddSingleton(known);
        services.Configure<ForwardedHeadersOptions>(options =>
        {
            // The client address and scheme only: the host and the issuer never come from a request.
            options.ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto;
            options.KnownProxies.Clear();
            options.KnownIPNetworks.Clear();
            foreach (var proxy in known.KnownProxies)
            {
                options.KnownProxies.Add(IPAddress.Parse(proxy));
            }
            foreach (var network in known.KnownNetworks)
            {
                options.KnownIPNetworks.Add(System.Net.IPNetwork.Parse(network));
            }
            // ForwardLimit stays 1: only the entry the nearest known proxy added counts, never what a caller prepended.
        });
        return services;
    }

    public static WebApplication UseKnownProxies(this WebApplication app)
    {
        if (app.Services.GetRequiredService<KnownProxiesOptions>().Any)
        {
            app.UseForwardedHeaders();
        }
        return app;
    }
}
