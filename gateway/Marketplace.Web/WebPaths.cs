namespace Marketplace.Web;

/// <summary>Which requests belong to the web UI rather than to an API, its documents or health.</summary>
public static class WebPaths
{
    private static readonly string[] NotUi = ["/api", "/openapi", "/health", "/api-docs"];

    public static bool IsUi(PathString path) => !NotUi.Any(prefix => path.StartsWithSegments(prefix, StringComparison.OrdinalIgnoreCase));

    /// <summary>A local path to return to after sign-in or a language switch; anything else goes home.</summary>
    public static string LocalOrHome(string? returnUrl) =>
        returnUrl is { Length: > 0 } url && url[0] == '/' && (url.Length == 1 || (url[1] != '/' && url[1] != '\\')) && !url.Contains('\\', StringComparison.Ordinal)
            ? url : "/";
}
