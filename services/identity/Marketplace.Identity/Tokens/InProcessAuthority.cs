using Microsoft.IdentityModel.Protocols;
using Microsoft.IdentityModel.Protocols.OpenIdConnect;

namespace Marketplace.Identity.Tokens;

/// <summary>
/// What the JwtBearer handler would read from this service's discovery document and JWKS, read in
/// process instead; used where the identity module runs in the same process as the API it protects
/// (the identity host itself, the standalone host). The validation rules are the same.
/// </summary>
public sealed class InProcessAuthority(SigningKeyStore keys, TokenServerOptions options) : IConfigurationManager<OpenIdConnectConfiguration>
{
    public async Task<OpenIdConnectConfiguration> GetConfigurationAsync(CancellationToken cancel)
    {
        var set = await keys.CurrentAsync(cancel);
        var configuration = new OpenIdConnectConfiguration { Issuer = options.Issuer };
        foreach (var key in set.Published)
        {
            configuration.SigningKeys.Add(key);
        }
        return configuration;
    }

    /// <summary>An unknown kid arrived: another instance may have rotated the key.</summary>
    public void RequestRefresh() => keys.Invalidate();
}
