using Marketplace.ServiceDefaults.Data;
using Marketplace.ServiceDefaults.OpenApi;

namespace Marketplace.Standalone;

public static class StandaloneSetup
{
    private static readonly string[] HealthPaths = ["/health/live", "/health/ready"];

    /// <summary>The data folder exists before any module opens a database in it.</summary>
    public static WebApplicationBuilder UseStandaloneDefaults(this WebApplicationBuilder builder)
    {
        var database = builder.Configuration.GetSection(DatabaseOptions.Section).Get<DatabaseOptions>() ?? new DatabaseOptions();
        Directory.CreateDirectory(database.DataFolderPath(builder.Environment.ContentRootPath));
        return builder;
    }

    /// <summary><c>/</c>: where to go from here.</summary>
    public static WebApplication MapStandaloneHome(this WebApplication app)
    {
        app.MapGet("/", (ApiDocuments documents) => TypedResults.Ok(new
        {
            name = "Hong Kong AI Scenario Marketplace",
            nameZh = "香港人工智能應用場景市場",
            scenarios = "/api/catalogue/scenarios",
            taxonomy = "/api/catalogue/taxonomy",
            signIn = "/api/identity/connect/authorize",
            discovery = "/api/identity/.well-known/openid-configuration",
            apiDocs = "/api-docs",
            openApi = documents.Names.Select(n => $"/openapi/{n}.json"),
            health = HealthPaths,
        })).AllowAnonymous().ExcludeFromDescription();
        return app;
    }
}
