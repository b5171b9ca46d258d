using Marketplace.Catalogue;
using Marketplace.ServiceDefaults.Hosting;
using Marketplace.ServiceDefaults.Messaging;

// The catalogue as its own process (distributed mode): PostgreSQL and RabbitMQ by configuration.
// `dotnet Marketplace.Catalogue.Host.dll --migrate` applies the database migrations and exits.
var builder = ServiceDefaultsExtensions.CreateHostBuilder(args);
builder.AddServiceDefaults(CatalogueModule.Name);
builder.AddCatalogue();
builder.AddMessaging();

var app = builder.Build();
app.UseServiceDefaults();
app.MapCatalogue();
return await app.RunServiceAsync(args);
