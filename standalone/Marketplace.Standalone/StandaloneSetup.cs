using Marketplace.ServiceDefaults.Data;

namespace Marketplace.Standalone;

public static class StandaloneSetup
{
    /// <summary>The data folder exists before any module opens a database in it.</summary>
    public static WebApplicationBuilder UseStandaloneDefaults(this WebApplicationBuilder builder)
    {
        var database = builder.Configuration.GetSection(DatabaseOptions.Section).Get<DatabaseOptions>() ?? new DatabaseOptions();
        Directory.CreateDirectory(database.DataFolderPath(builder.Environment.ContentRootPath));
        return builder;
    }
}
