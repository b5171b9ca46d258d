using Microsoft.Extensions.Configuration;

namespace Marketplace.AppHost;

/// <summary>How a marketplace host becomes resources, with the settings scripts/run-distributed.sh gives it.</summary>
internal static class MarketplaceResourceExtensions
{
    private const string Http = "http";

    /// <summary>
    /// The host's <c>--migrate</c>, run to completion first (shown under the host), then the host on its port, ready when its
    /// <c>/health/ready</c> is, exporting traces, metrics and logs to the dashboard (the standard <c>OTEL_*</c> variables,
    /// which the service defaults read). <c>Marketplace:Ports:&lt;host&gt;</c> and <c>Marketplace:Databases:&lt;database&gt;</c>
    /// override the port and the database name.
    /// </summary>
    public static IResourceBuilder<ExecutableResource> AddMarketplaceHost(this IDistributedApplicationBuilder builder, MarketplaceHost host, ExternalResources external)
    {
        var database = builder.Configuration[$"Marketplace:Databases:{host.Database}"] ?? host.Database;
        var connectionString = ReferenceExpression.Create($"{external.Postgres.Resource};Database={database}");
        var port = builder.Configuration.GetValue($"Marketplace:Ports:{host.Name}", host.DefaultPort);
        var folder = Path.GetDirectoryName(host.Dll)!;

        var migration = builder.AddExecutable($"{host.Name}-migrate", "dotnet", folder, host.Dll, "--migrate")
            .WithDatabase(host, connectionString);
        var resource = builder.AddExecutable(host.Name, "dotnet", folder, host.Dll)
            // Not proxied: the host itself listens on the port, on loopback only, as in the script.
            .WithHttpEndpoint(port: port, isProxied: false)
            .WithDatabase(host, connectionString)
            .WithEnvironment("Logging__Console__FormatterName", "simple")
            .WithOtlpExporter()
            .WithHttpHealthCheck("/health/ready")
            .WaitForCompletion(migration);
        resource.WithEnvironment("ASPNETCORE_URLS", resource.GetEndpoint(Http));
        migration.WithParentRelationship(resource);
        return resource;
    }

    /// <summary>The bus of a service: RabbitMQ at the external AMQP URI (the gateway has none).</summary>
    public static IResourceBuilder<ExecutableResource> WithMessaging(this IResourceBuilder<ExecutableResource> host, ExternalResources external) => host
        .WithEnvironment("Messaging__Transport", "RabbitMq")
        .WithEnvironment("Messaging__RabbitMqUri", external.RabbitMq);

    /// <summary>Accepts the identity service's tokens: its issuer, whose discovery is read over plain HTTP on loopback.</summary>
    public static IResourceBuilder<ExecutableResource> Trusting(this IResourceBuilder<ExecutableResource> host, ReferenceExpression issuer) => host
        .WithEnvironment("Auth__Authority", issuer)
        .WithEnvironment("Auth__RequireHttpsMetadata", "false");

    /// <summary>
    /// The gateway routes to each service and its web UI calls them at the same addresses; it starts once every
    /// service is ready. The web UI signs people in through the gateway's own address and reaches identity directly.
    /// </summary>
    public static IResourceBuilder<ExecutableResource> InFrontOf(this IResourceBuilder<ExecutableResource> gateway,
        IEnumerable<IResourceBuilder<ExecutableResource>> services, ReferenceExpression issuer)
    {
        foreach (var service in services)
        {
            var address = service.GetEndpoint(Http);
            gateway.WithEnvironment($"Gateway__Services__{service.Resource.Name}", address)
                .WithEnvironment($"Web__Services__{service.Resource.Name}", address)
                .WaitFor(service);
        }
        return gateway
            .WithEnvironment("Web__Authority", ReferenceExpression.Create($"{gateway.GetEndpoint(Http)}/api/identity"))
            .WithEnvironment("Web__InternalAuthority", issuer);
    }

    /// <summary>
    /// The identity service as the authority: it issues tokens under <paramref name="issuer"/>, lets the web UI behind the
    /// gateway receive codes, and creates the first administrator in its empty database.
    /// </summary>
    public static IResourceBuilder<ExecutableResource> AsAuthority(this IResourceBuilder<ExecutableResource> identity, ReferenceExpression issuer,
        IResourceBuilder<ExecutableResource> gateway, ExternalResources external) => identity
        .WithEnvironment("Identity__Issuer", issuer)
        .WithEnvironment("Identity__WebClient__RedirectUris__0", ReferenceExpression.Create($"{gateway.GetEndpoint(Http)}/signin-callback"))
        .WithEnvironment("Identity__WebClient__PostLogoutRedirectUris__0", ReferenceExpression.Create($"{gateway.GetEndpoint(Http)}/signout-callback"))
        .WithEnvironment("Identity__BootstrapAdmin__Email", external.AdminEmail)
        .WithEnvironment("Identity__BootstrapAdmin__Password", external.AdminPassword);

    /// <summary>What both the migration and the host read: the environment, the provider and the host's own database.</summary>
    private static IResourceBuilder<ExecutableResource> WithDatabase(this IResourceBuilder<ExecutableResource> resource, MarketplaceHost host,
        ReferenceExpression connectionString) => resource
        .WithEnvironment("ASPNETCORE_ENVIRONMENT", "Development")
        .WithEnvironment("Database__Provider", "Postgres")
        .WithEnvironment($"ConnectionStrings__{host.Database}", connectionString);
}
