using Marketplace.Identity.Tokens;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Primitives;
using Microsoft.IdentityModel.Tokens;
using OpenIddict.Server;

namespace Marketplace.Identity.Oidc;

/// <summary>
/// OpenIddict signs with, and publishes in its JWKS, the keys of the <see cref="SigningKeyStore"/>:
/// the active key first (the one OpenIddict signs with), then the retired keys still published.
/// When the store's keys change, OpenIddict's options are rebuilt with the new set.
/// </summary>
internal sealed class SigningCredentialsFromStore(SigningKeyStore keys)
    : IConfigureOptions<OpenIddictServerOptions>, IOptionsChangeTokenSource<OpenIddictServerOptions>
{
    public string? Name => Options.DefaultName;

    public void Configure(OpenIddictServerOptions options)
    {
        var set = keys.Current;
        options.SigningCredentials.Add(new SigningCredentials(set.Active, SecurityAlgorithms.RsaSha256));
        foreach (var key in set.Published.Where(k => k.KeyId != set.Active.KeyId))
        {
            options.SigningCredentials.Add(new SigningCredentials(key, SecurityAlgorithms.RsaSha256));
        }
    }

    public IChangeToken GetChangeToken() => keys.Changes;
}
