using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Marketplace.IntegrationTests.Infrastructure;

/// <summary>One host (standalone or a single service) in the test process, configured like a deployment.</summary>
public sealed class ServiceApp<TEntry>(IReadOnlyDictionary<string, string?> settings, TimeProvider clock) : WebApplicationFactory<TEntry>
    where TEntry : class
{
    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Testing");
        foreach (var (key, value) in settings)
        {
            builder.UseSetting(key, value);
        }
        builder.ConfigureServices(services =>
        {
            services.RemoveAll<TimeProvider>();
            services.AddSingleton(clock);
        });
    }

    /// <summary>Builds and starts the host (migrations, bus, dispatchers) now rather than on first use.</summary>
    public ServiceApp<TEntry> Start()
    {
        _ = Services;
        return this;
    }

    /// <summary>Starts the host on a real socket, for callers outside the test process's handlers (other services' JwtBearer, a gateway).</summary>
    public ServiceApp<TEntry> StartOnSocket(int port)
    {
        UseKestrel(port);
        StartServer();
        BaseUrl = $"http://127.0.0.1:{port}";
        return this;
    }

    public string BaseUrl { get; private set; } = "http://localhost";
}
