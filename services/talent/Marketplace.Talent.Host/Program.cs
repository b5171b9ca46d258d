using Marketplace.ServiceDefaults.Hosting;
using Marketplace.ServiceDefaults.Messaging;
using Marketplace.Talent;

// The talent service as its own process (distributed mode): PostgreSQL and RabbitMQ by configuration.
// `dotnet Marketplace.Talent.Host.dll --migrate` applies the database migrations and exits.
var builder = ServiceDefaultsExtensions.CreateHostBuilder(args);
builder.AddServiceDefaults(TalentModule.Name);
builder.AddTalent();
builder.AddMessaging();

var app = builder.Build();
app.UseServiceDefaults();
app.MapTalent();
return await app.RunServiceAsync(args);
