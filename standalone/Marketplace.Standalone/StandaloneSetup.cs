using System.Security.Cryptography;
using Marketplace.ServiceDefaults.Data;
using Marketplace.ServiceDefaults.OpenApi;

namespace Marketplace.Standalone;

public static class StandaloneSetup
{
    private static readonly string[] HealthPaths = ["/health/live", "/health/ready"];

    /// <summary>
    /// Without a configured signing key, the standalone host creates a random one in its data
    /// folder on first start, so demo tokens survive restarts and no key ships with the code.
    /// </summary>
    public static WebApplicationBuilder UseStandaloneDefaults(this WebApplicationBuilder builder)
    {
        var folder = builder.Configuration[$"{DatabaseOptions.Section}:DataFolder"] ?? "data";
        Directory.CreateDirectory(folder);
        if (string.IsNullOrWhiteSpace(builder.Configuration["Auth:SigningKey"]) && string.IsNullOrWhiteSpace(builder.Configuration["Auth:Authority"]))
        {
            var keyFile = Path.Combine(folder, "development-signing.key");
            if (!File.Exists(keyFile))
            {
                File.WriteAllText(keyFile, Convert.ToBase64String(RandomNumberGenerator.GetBytes(48)));
            }
            builder.Configuration["Auth:SigningKey"] = File.ReadAllText(keyFile).Trim();
        }
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
            apiDocs = "/api-docs",
            openApi = documents.Names.Select(n => $"/openapi/{n}.json"),
            health = HealthPaths,
        })).AllowAnonymous().ExcludeFromDescription();
        return app;
    }
}
