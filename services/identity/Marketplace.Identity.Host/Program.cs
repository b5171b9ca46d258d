using Marketplace.Identity;
using Marketplace.ServiceDefaults.Hosting;
using Marketplace.ServiceDefaults.Messaging;

// The identity service as its own process (distributed mode): the OpenID Connect authority every
// other service names in Auth:Authority. `--migrate` applies the database migrations and exits.
var builder = ServiceDefaultsExtensions.CreateHostBuilder(args);
builder.AddServiceDefaults(IdentityModule.Name);
builder.AddIdentityService();
builder.AddMessaging();

var app = builder.Build();
app.UseServiceDefaults();
app.MapIdentityService();
return await app.RunServiceAsync(args);
