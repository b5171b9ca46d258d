using Marketplace.Identity.Domain;
using OpenIddict.Abstractions;
using static OpenIddict.Abstractions.OpenIddictConstants;

namespace Marketplace.Identity.Oidc;

/// <summary>The OpenIddict applications: the first-party web UI (seeded) and each organisation's API clients.</summary>
public static class OidcClients
{
    public const string WebClientId = "marketplace-web";

    /// <summary>
    /// The web UI: a public client (no secret, so PKCE), signed in by the code flow without a consent
    /// screen (it is the marketplace's own UI); the password grant stays for scripts and the demo.
    /// </summary>
    public static OpenIddictApplicationDescriptor WebClient(WebClientOptions options)
    {
        var descriptor = new OpenIddictApplicationDescriptor
        {
            ClientId = WebClientId,
            ClientType = ClientTypes.Public,
            ApplicationType = ApplicationTypes.Web,
            ConsentType = ConsentTypes.Implicit,
            DisplayName = "Hong Kong AI Scenario Marketplace",
            Permissions =
            {
                Permissions.Endpoints.Authorization, Permissions.Endpoints.Token, Permissions.Endpoints.EndSession,
                Permissions.Endpoints.Revocation,
                Permissions.GrantTypes.AuthorizationCode, Permissions.GrantTypes.RefreshToken, Permissions.GrantTypes.Password,
                Permissions.ResponseTypes.Code,
                Permissions.Scopes.Profile, Permissions.Scopes.Email, Permissions.Prefixes.Scope + MarketplacePrincipals.ApiScope,
            },
            Requirements = { Requirements.Features.ProofKeyForCodeExchange },
        };
        foreach (var uri in options.RedirectUris)
        {
            descriptor.RedirectUris.Add(new Uri(uri));
        }
        foreach (var uri in options.PostLogoutRedirectUris)
        {
            descriptor.PostLogoutRedirectUris.Add(new Uri(uri));
        }
        return descriptor;
    }

    /// <summary>An organisation's own system: a confidential client that may only use client_credentials (and revoke or introspect its tokens).</summary>
    public static OpenIddictApplicationDescriptor ApiClient(ApiClient client, string secret) => new()
    {
        ClientId = client.ClientId,
        ClientSecret = secret,
        ClientType = ClientTypes.Confidential,
        DisplayName = client.Name,
        Permissions =
        {
            Permissions.Endpoints.Token, Permissions.Endpoints.Revocation, Permissions.Endpoints.Introspection,
            Permissions.GrantTypes.ClientCredentials, Permissions.Prefixes.Scope + MarketplacePrincipals.ApiScope,
        },
    };

    /// <summary>Creates the web UI's application, or brings its redirect URIs in line with configuration.</summary>
    public static async Task EnsureWebClientAsync(IOpenIddictApplicationManager applications, WebClientOptions options, CancellationToken ct)
    {
        var descriptor = WebClient(options);
        if (await applications.FindByClientIdAsync(WebClientId, ct) is { } existing)
        {
            await applications.UpdateAsync(existing, descriptor, ct);
        }
        else
        {
            await applications.CreateAsync(descriptor, ct);
        }
    }
}
