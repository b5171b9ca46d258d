namespace Marketplace.ServiceDefaults.Auth;

/// <summary>
/// Configuration section <c>Auth</c>: which OIDC authority's tokens this service accepts. Any OpenID
/// Connect provider works (the marketplace's identity service, Keycloak, Duende IdentityServer,
/// Entra ID): the issuer and its signing keys come from the authority's discovery document. Only the
/// process that hosts the identity module may leave <see cref="Authority"/> empty; it then validates
/// with the same rules against its own keys, in process.
/// </summary>
public sealed class AuthOptions
{
    public const string Section = "Auth";

    /// <summary>The issuer URL; discovery is read from <c>{Authority}/.well-known/openid-configuration</c>.</summary>
    public string? Authority { get; set; }

    /// <summary>Where to read discovery when the issuer's public URL is not reachable from here (a cluster-internal address).</summary>
    public string? MetadataAddress { get; set; }

    public bool RequireHttpsMetadata { get; set; } = true;

    /// <summary>The <c>aud</c> every accepted token must carry.</summary>
    public string Audience { get; set; } = "marketplace";
}
