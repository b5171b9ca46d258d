namespace Marketplace.Identity;

/// <summary>Configuration section <c>Identity</c>: the token server's issuer, lifetimes, keys, lockout and web UI client.</summary>
public sealed class TokenServerOptions
{
    public const string Section = "Identity";

    /// <summary>
    /// The <c>iss</c> of every token and the base of the discovery document; services set
    /// <c>Auth:Authority</c> to this URL. The API lives under /api/identity in every mode, so this is
    /// the public origin followed by /api/identity.
    /// </summary>
    public string Issuer { get; set; } = "http://localhost:5103/api/identity";

    public int AccessTokenMinutes { get; set; } = 15;

    public int RefreshTokenDays { get; set; } = 14;

    /// <summary>A new signing key is created when the active one is this old; the old one stays published until its tokens expire.</summary>
    public int KeyRotationDays { get; set; } = 90;

    public int LockoutAttempts { get; set; } = 5;

    public int LockoutMinutes { get; set; } = 15;

    public int InvitationDays { get; set; } = 7;

    /// <summary>
    /// The first administrator of a new deployment, created on start-up when no administrator exists
    /// (set from a secret, e.g. Identity__BootstrapAdmin__Password); ignored afterwards.
    /// </summary>
    public BootstrapAdmin BootstrapAdmin { get; set; } = new();

    /// <summary>Keys supplied from outside (a secret store), imported on start-up and used before generated ones.</summary>
    public List<ImportedSigningKey> ImportKeys { get; set; } = [];

    /// <summary>Where the first-party web UI may receive authorization codes and return after signing out.</summary>
    public WebClientOptions WebClient { get; set; } = new();

    public TimeSpan AccessTokenLifetime => TimeSpan.FromMinutes(AccessTokenMinutes);

    public TimeSpan RefreshTokenLifetime => TimeSpan.FromDays(RefreshTokenDays);

    /// <summary>How long a retired key stays in the JWKS: until the last token it signed has expired, plus clock skew.</summary>
    public TimeSpan RetiredKeyPublication => AccessTokenLifetime + TimeSpan.FromMinutes(5);
}

public sealed class ImportedSigningKey
{
    public string KeyId { get; set; } = "";

    public string PrivateKeyPem { get; set; } = "";
}

public sealed class BootstrapAdmin
{
    public string? Email { get; set; }

    public string? Password { get; set; }

    public string Name { get; set; } = "Marketplace administrator";
}

public sealed class WebClientOptions
{
    /// <summary>Redirect URIs of the <c>marketplace-web</c> client (exact matches, as OAuth 2.0 Security BCP requires).</summary>
    public List<string> RedirectUris { get; set; } = [];

    public List<string> PostLogoutRedirectUris { get; set; } = [];
}
