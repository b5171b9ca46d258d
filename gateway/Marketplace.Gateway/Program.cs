using Marketplace.Gateway;
using Marketplace.ServiceDefaults.Hosting;

// The public entry in distributed mode: /api/<service>/... and /openapi/<service>.json go to the
// service's base URL from Gateway:Services; /health/ready aggregates the services' readiness.
var builder = ServiceDefaultsExtensions.CreateHostBuilder(args);
builder.AddServiceDefaults("gateway");
builder.AddGateway();

var app = builder.Build();
app.UseServiceDefaults();
app.MapGateway();
return await app.RunServiceAsync(args);
