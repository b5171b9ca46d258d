using Marketplace.AppHost;

// The distributed mode on one machine with the Aspire dashboard (ADR 0029): each host's --migrate, then the services,
// then the gateway, every one its own process (DCP runs them; no containers), against the PostgreSQL and RabbitMQ
// named in appsettings.json (scripts/test-servers.sh's by default), on scripts/run-distributed.sh's ports.
var builder = DistributedApplication.CreateBuilder(args);
var external = ExternalResources.From(builder);

var identity = builder.AddMarketplaceHost(MarketplaceHosts.Identity, external).WithMessaging(external);
var issuer = ReferenceExpression.Create($"{identity.GetEndpoint("http")}/api/identity");
List<IResourceBuilder<ExecutableResource>> services =
[
    identity,
    .. MarketplaceHosts.Services.Select(host => builder.AddMarketplaceHost(host, external).WithMessaging(external).Trusting(issuer)),
];
var gateway = builder.AddMarketplaceHost(MarketplaceHosts.Gateway, external).Trusting(issuer).InFrontOf(services, issuer);
identity.AsAuthority(issuer, gateway, external);

builder.Build().Run();
