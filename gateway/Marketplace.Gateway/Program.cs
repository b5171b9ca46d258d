using Marketplace.Gateway;
using Marketplace.ServiceDefaults.Hosting;
using Marketplace.Web;

// The public entry in distributed mode: /api/<service>/... and /openapi/<service>.json go to the
// service's base URL from Gateway:Services; /health/ready aggregates the services' readiness. The web UI
// answers / and calls each service at its Web:Services address (the same addresses).
var builder = ServiceDefaultsExtensions.CreateHostBuilder(args);
builder.AddServiceDefaults("gateway");
builder.AddGateway();
builder.AddWebUi();

var app = builder.Build();
app.UseServiceDefaults();
app.MapGateway();
app.MapWebUi();
return await app.RunServiceAsync(args);
