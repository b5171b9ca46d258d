namespace Marketplace.ServiceDefaults.Auth;

/// <summary>
/// Configuration section <c>Auth</c>. Production points <see cref="Authority"/> at any OIDC provider
/// (discovery + JWKS). Without an authority, tokens are checked against <see cref="SigningKey"/>, a
/// shared HMAC key meant only for development, tests and the one-process standalone mode.
/// </summary>
public sealed class AuthOptions
{
    public const string Section = "Auth";

    public string? Authority { get; set; }
    public bool RequireHttpsMetadata { get; set; } = true;
    public string Issuer { get; set; } = "marketplace-dev";
    public string Audience { get; set; } = "marketplace";
    public string? SigningKey { get; set; }
}
