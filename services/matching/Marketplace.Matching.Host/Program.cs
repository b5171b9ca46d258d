using Marketplace.Matching;
using Marketplace.ServiceDefaults.Hosting;
using Marketplace.ServiceDefaults.Messaging;

// The matching service as its own process (distributed mode): PostgreSQL and RabbitMQ by configuration.
// `dotnet Marketplace.Matching.Host.dll --migrate` applies the database migrations and exits.
var builder = ServiceDefaultsExtensions.CreateHostBuilder(args);
builder.AddServiceDefaults(MatchingModule.Name);
builder.AddMatching();
builder.AddMessaging();

var app = builder.Build();
app.UseServiceDefaults();
app.MapMatching();
return await app.RunServiceAsync(args);
