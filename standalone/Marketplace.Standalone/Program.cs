using Marketplace.Catalogue;
using Marketplace.Funding;
using Marketplace.Identity;
using Marketplace.Matching;
using Marketplace.OpenData;
using Marketplace.Talent;
using Marketplace.ServiceDefaults.Hosting;
using Marketplace.ServiceDefaults.Messaging;
using Marketplace.Standalone;
using Marketplace.Web;

// Every service module in one process: SQLite files under Database:DataFolder, the in-memory bus,
// migrations applied and demo data seeded on first start. Tokens come from the identity module and
// are validated in process against its keys (Auth:Authority may name an external provider instead). The web UI
// answers / and calls the APIs over this process's own loopback address, as it calls the gateway's services.
var builder = ServiceDefaultsExtensions.CreateHostBuilder(args);
builder.UseStandaloneDefaults();
builder.AddServiceDefaults("standalone");
builder.AddIdentityService();
builder.AddCatalogue();
builder.AddMatching();
builder.AddFunding();
builder.AddTalent();
builder.AddOpenData();
builder.AddMessaging();
builder.AddDemoData();
builder.AddWebUi();

var app = builder.Build();
app.UseServiceDefaults();
app.MapIdentityService();
app.MapCatalogue();
app.MapMatching();
app.MapWebUi();
app.MapFunding();
app.MapTalent();
app.MapOpenData();
return await app.RunServiceAsync(args);
