namespace Marketplace.ServiceDefaults.Auth;

/// <summary>Claim names in marketplace tokens (standard JWT/OIDC names where one exists).</summary>
public static class MarketplaceClaims
{
    public const string Subject = "sub";
    public const string Name = "name";
    public const string Role = "role";
    public const string Organisation = "org";
    public const string OrganisationType = "org_type";
    public const string Locale = "locale";
    public const string Email = "email";
    public const string ClientId = "client_id";
    public const string TokenId = "jti";
    public const string IssuedAt = "iat";
}
