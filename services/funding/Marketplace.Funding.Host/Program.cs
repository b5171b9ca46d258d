using Marketplace.Funding;
using Marketplace.ServiceDefaults.Hosting;
using Marketplace.ServiceDefaults.Messaging;

// The funding service as its own process (distributed mode): PostgreSQL and RabbitMQ by configuration.
// `dotnet Marketplace.Funding.Host.dll --migrate` applies the database migrations and exits.
var builder = ServiceDefaultsExtensions.CreateHostBuilder(args);
builder.AddServiceDefaults(FundingModule.Name);
builder.AddFunding();
builder.AddMessaging();

var app = builder.Build();
app.UseServiceDefaults();
app.MapFunding();
return await app.RunServiceAsync(args);
