using Marketplace.ServiceDefaults.Localization;

namespace Marketplace.Identity.Api;

/// <summary>
/// A token-endpoint error as RFC 6749 §5.2 defines it (<c>error</c>, <c>error_description</c>), which
/// OAuth client libraries read, with the RFC 9457 members beside it so it is also a problem-details
/// body; <c>code</c> lets a user interface tell a locked account from a wrong password.
/// </summary>
public static class OAuthError
{
    public static readonly LocalizedText Title = new("The token request was refused.", "權杖請求被拒絕。");

    public static IResult Create(string error, LocalizedText description, string? code = null, int status = StatusCodes.Status400BadRequest,
        IDictionary<string, object?>? extensions = null)
    {
        var body = new Dictionary<string, object?>
        {
            ["error"] = error,
            ["error_description"] = description.Current,
            ["type"] = "https://www.rfc-editor.org/rfc/rfc6749#section-5.2",
            ["title"] = Title.Current,
            ["status"] = status,
            ["detail"] = description.Current,
        };
        if (code is not null)
        {
            body["code"] = code;
        }
        foreach (var (key, value) in extensions ?? new Dictionary<string, object?>())
        {
            body[key] = value;
        }
        return new NoStoreResult(TypedResults.Json(body, statusCode: status));
    }

    /// <summary>Tokens and token errors must never be cached (RFC 6749 §5.1).</summary>
    public sealed class NoStoreResult(IResult inner) : IResult
    {
        public Task ExecuteAsync(HttpContext httpContext)
        {
            httpContext.Response.Headers.CacheControl = "no-store";
            httpContext.Response.Headers.Pragma = "no-cache";
            return inner.ExecuteAsync(httpContext);
        }
    }
}
