using Marketplace.OpenData;
using Marketplace.ServiceDefaults.Hosting;
using Marketplace.ServiceDefaults.Messaging;

// The open-data service as its own process (distributed mode): PostgreSQL and RabbitMQ by configuration.
// `dotnet Marketplace.OpenData.Host.dll --migrate` applies the database migrations and exits.
var builder = ServiceDefaultsExtensions.CreateHostBuilder(args);
builder.AddServiceDefaults(OpenDataModule.Name);
builder.AddOpenData();
builder.AddMessaging();

var app = builder.Build();
app.UseServiceDefaults();
app.MapOpenData();
return await app.RunServiceAsync(args);
