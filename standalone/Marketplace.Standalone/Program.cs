using Marketplace.Catalogue;
using Marketplace.Matching;
using Marketplace.ServiceDefaults.Hosting;
using Marketplace.ServiceDefaults.Messaging;
using Marketplace.Standalone;

// Every service module in one process: SQLite files under Database:DataFolder, the in-memory bus,
// migrations applied and demo data seeded on first start.
var builder = WebApplication.CreateBuilder(args);
builder.UseStandaloneDefaults();
builder.AddServiceDefaults("standalone");
builder.AddCatalogue();
builder.AddMatching();
builder.AddMessaging();
builder.AddDemoData();

var app = builder.Build();
app.UseServiceDefaults();
app.MapCatalogue();
app.MapMatching();
app.MapStandaloneHome();
return await app.RunServiceAsync(args);
