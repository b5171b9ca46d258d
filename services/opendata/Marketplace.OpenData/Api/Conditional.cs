using Microsoft.Net.Http.Headers;

namespace Marketplace.OpenData.Api;

/// <summary>
/// Open data is public and changes only by appending: every answer carries a weak ETag derived from the releases it
/// holds (their count and newest sequence), and a matching If-None-Match gets 304 without the body.
/// </summary>
public static class Conditional
{
    public const int MaxAgeSeconds = 60;

    public static string Tag(params object[] parts) => "W/\"" + string.Join('-', parts) + "\"";

    /// <summary>Sets the validators on the response; true when the client's copy is current.</summary>
    public static bool NotModified(HttpContext http, string etag)
    {
        http.Response.Headers.ETag = etag;
        http.Response.Headers.CacheControl = $"public, max-age={MaxAgeSeconds}";
        var sent = http.Request.Headers.IfNoneMatch;
        return sent.Count > 0 && EntityTagHeaderValue.TryParseList(sent, out var tags) && tags.Any(t => t.Tag == "*" || t.Compare(EntityTagHeaderValue.Parse(etag), useStrongComparison: false));
    }
}
