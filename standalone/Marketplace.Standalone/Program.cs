using Marketplace.Catalogue;
using Marketplace.Funding;
using Marketplace.Identity;
using Marketplace.Matching;
using Marketplace.ServiceDefaults.Hosting;
using Marketplace.ServiceDefaults.Messaging;
using Marketplace.Standalone;

// Every service module in one process: SQLite files under Database:DataFolder, the in-memory bus,
// migrations applied and demo data seeded on first start. Tokens come from the identity module and
// are validated in process against its keys (Auth:Authority may name an external provider instead).
var builder = ServiceDefaultsExtensions.CreateHostBuilder(args);
builder.UseStandaloneDefaults();
builder.AddServiceDefaults("standalone");
builder.AddIdentityService();
builder.AddCatalogue();
builder.AddMatching();
builder.AddFunding();
builder.AddMessaging();
builder.AddDemoData();

var app = builder.Build();
app.UseServiceDefaults();
app.MapIdentityService();
app.MapCatalogue();
app.MapMatching();
app.MapFunding();
app.MapStandaloneHome();
return await app.RunServiceAsync(args);
