namespace Marketplace.ServiceDefaults.Auth;

/// <summary>
/// Sends the token validator's requests for the authority's documents to its internal address:
/// discovery names the JWKS at the public origin (the issuer's), which a service inside a cluster
/// may not reach. Requests to any other origin pass unchanged.
/// </summary>
public sealed class InternalAddressHandler(Uri publicOrigin, Uri internalOrigin) : DelegatingHandler(new SocketsHttpHandler())
{
    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        if (request.RequestUri is { } uri && Uri.Compare(uri, publicOrigin, UriComponents.SchemeAndServer, UriFormat.Unescaped, StringComparison.OrdinalIgnoreCase) == 0)
        {
            request.RequestUri = new UriBuilder(uri) { Scheme = internalOrigin.Scheme, Host = internalOrigin.Host, Port = internalOrigin.Port }.Uri;
        }
        return base.SendAsync(request, cancellationToken);
    }
}
