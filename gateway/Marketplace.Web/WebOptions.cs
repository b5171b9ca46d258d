namespace Marketplace.Web;

/// <summary>Configuration section <c>Web</c>: where the UI signs people in and where it calls the services' APIs.</summary>
public sealed class WebOptions
{
    public const string Section = "Web";

    /// <summary>The identity service's issuer as the browser reaches it (the code flow's authority), e.g. <c>http://localhost:5080/api/identity</c>.</summary>
    public string Authority { get; set; } = "http://localhost:5080/api/identity";

    /// <summary>
    /// Where this process itself reads the authority's discovery document and token endpoint when that differs
    /// from the public address (in distributed mode: the identity service's internal address). Empty: the authority.
    /// </summary>
    public string? InternalAuthority { get; set; }

    /// <summary>
    /// Base URL of each service's HTTP API by name (identity, catalogue, matching, funding). In standalone this is the
    /// process's own loopback address; in distributed mode the gateway's configured service addresses.
    /// </summary>
    public Dictionary<string, string> Services { get; set; } = [];

    /// <summary>Used for a service that <see cref="Services"/> does not name.</summary>
    public string ApiBaseUrl { get; set; } = "http://localhost:5080";

    /// <summary>Cookies only over HTTPS (<c>Secure</c>); off only for plain-HTTP development and tests on loopback.</summary>
    public bool SecureCookies { get; set; } = true;

    /// <summary>How long before the access token expires the UI exchanges its refresh token for a new one.</summary>
    public int RefreshBeforeExpirySeconds { get; set; } = 120;

    public Uri BaseAddressOf(string service) =>
        new((Services.TryGetValue(service, out var url) && !string.IsNullOrWhiteSpace(url) ? url : ApiBaseUrl).TrimEnd('/') + "/");
}
