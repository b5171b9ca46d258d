using System.Security.Claims;
using System.Text;
using Marketplace.Contracts.Identity;
using Marketplace.Identity.Data;
using Marketplace.Identity.Domain;
using Marketplace.Identity.Tokens;
using Marketplace.ServiceDefaults.Auth;
using Marketplace.ServiceDefaults.Data;
using Marketplace.ServiceDefaults.Localization;
using Marketplace.ServiceDefaults.Validation;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace Marketplace.Identity.Api;

/// <summary>
/// The OpenID Connect / OAuth 2.0 surface under the issuer (<c>/api/identity</c>): discovery, JWKS,
/// the token endpoint (password, client_credentials, refresh_token), revocation (RFC 7009) and userinfo.
/// </summary>
public static class ConnectApi
{
    public const string WebClientId = "marketplace-web";
    private static readonly string[] s_grantTypes = ["password", "client_credentials", "refresh_token"];
    private static readonly string[] s_responseTypes = ["token"];
    private static readonly string[] s_subjectTypes = ["public"];
    private static readonly string[] s_algorithms = [SecurityAlgorithms.RsaSha256];
    private static readonly string[] s_clientAuthMethods = ["client_secret_basic", "client_secret_post", "none"];
    private static readonly string[] s_scopes = ["openid", "profile", "email", "offline_access", "marketplace"];
    private static readonly string[] s_locales = [Cultures.English, Cultures.TraditionalChineseHongKong];
    private static readonly string[] s_claims =
    [
        MarketplaceClaims.Subject, MarketplaceClaims.Name, MarketplaceClaims.Email, MarketplaceClaims.Locale,
        MarketplaceClaims.Organisation, MarketplaceClaims.OrganisationType, MarketplaceClaims.Role, MarketplaceClaims.ClientId,
    ];

    public static IEndpointRouteBuilder MapConnectApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/identity").WithTags("OpenID Connect").WithGroupName(IdentityModule.Name);
        group.MapGet("/.well-known/openid-configuration", Discovery).AllowAnonymous()
            .WithSummary("OpenID Connect discovery document");
        group.MapGet("/.well-known/jwks", JwksAsync).AllowAnonymous()
            .WithSummary("The public keys tokens are signed with (JWKS), including retired keys whose tokens may still be valid");
        group.MapPost("/connect/token", TokenAsync).AllowAnonymous().DisableAntiforgery()
            .WithSummary("Token endpoint: grant_type password, client_credentials or refresh_token (form-encoded)");
        group.MapPost("/connect/revocation", RevokeAsync).AllowAnonymous().DisableAntiforgery()
            .WithSummary("Revoke a refresh token (its whole rotation family) or an access token (RFC 7009)");
        group.MapGet("/connect/userinfo", UserInfoAsync).RequireAuthorization()
            .WithSummary("Claims of the signed-in user or client (any valid token)");
        return app;
    }

    public static Ok<Dictionary<string, object>> Discovery(TokenServerOptions options)
    {
        // Every address comes from the configured issuer (the public origin + /api/identity), never
        // from the request: a caller's Host or X-Forwarded-* header cannot choose what clients are told.
        var baseUrl = options.Issuer.TrimEnd('/');
        return TypedResults.Ok(new Dictionary<string, object>
        {
            ["issuer"] = options.Issuer,
            ["jwks_uri"] = baseUrl + "/.well-known/jwks",
            ["token_endpoint"] = baseUrl + "/connect/token",
            ["revocation_endpoint"] = baseUrl + "/connect/revocation",
            ["userinfo_endpoint"] = baseUrl + "/connect/userinfo",
            ["grant_types_supported"] = s_grantTypes,
            ["response_types_supported"] = s_responseTypes,
            ["subject_types_supported"] = s_subjectTypes,
            ["id_token_signing_alg_values_supported"] = s_algorithms,
            ["token_endpoint_auth_methods_supported"] = s_clientAuthMethods,
            ["revocation_endpoint_auth_methods_supported"] = s_clientAuthMethods,
            ["scopes_supported"] = s_scopes,
            ["claims_supported"] = s_claims,
            ["ui_locales_supported"] = s_locales,
        });
    }

    public static async Task<Ok<JwksResponse>> JwksAsync(SigningKeyStore keys, CancellationToken ct)
    {
        var set = await keys.CurrentAsync(ct);
        return TypedResults.Ok(new JwksResponse(set.Published.Select(JwkResponse.From).ToList()));
    }

    public static async Task<IResult> TokenAsync(HttpRequest request, TokenGrants grants, CancellationToken ct)
    {
        var read = await OAuthForm.ReadAsync(request, "grant_type", ct);
        if (read.Form is not { } form)
        {
            return read.Error!;
        }
        var (clientId, clientSecret) = ClientCredentials(request, form);
        return form["grant_type"].ToString() switch
        {
            "password" => await grants.PasswordAsync(form["username"].ToString(), form["password"].ToString(), ct),
            "client_credentials" => await grants.ClientCredentialsAsync(clientId, clientSecret, ct),
            "refresh_token" => await grants.RefreshAsync(form["refresh_token"].ToString(), ct),
            "" => OAuthError.Create("invalid_request", IdentityTexts.MissingParameter.Format("grant_type")),
            _ => OAuthError.Create("unsupported_grant_type", IdentityTexts.UnsupportedGrant),
        };
    }

    public static async Task<IResult> RevokeAsync(HttpRequest request, TokenGrants grants, CancellationToken ct)
    {
        var read = await OAuthForm.ReadAsync(request, "token", ct);
        if (read.Form is not { } form)
        {
            return read.Error!;
        }
        var token = form["token"].ToString();
        if (token.Length == 0)
        {
            return OAuthError.Create("invalid_request", IdentityTexts.MissingParameter.Format("token"));
        }
        await grants.RevokeAsync(token, ct);
        // RFC 7009 §2.2: the answer is the same whether or not the token was known.
        return new OAuthError.NoStoreResult(TypedResults.Ok());
    }

    public static async Task<Ok<Dictionary<string, object?>>> UserInfoAsync(
        ClaimsPrincipal principal, UserManager<MarketplaceUser> users, IdentityServiceDbContext db, CancellationToken ct)
    {
        var info = new Dictionary<string, object?>
        {
            [MarketplaceClaims.Subject] = principal.UserId(),
            [MarketplaceClaims.Name] = principal.FindFirstValue(MarketplaceClaims.Name),
            [MarketplaceClaims.Role] = principal.FindAll(MarketplaceClaims.Role).Select(c => c.Value).ToArray(),
            [MarketplaceClaims.Organisation] = principal.FindFirstValue(MarketplaceClaims.Organisation),
            [MarketplaceClaims.OrganisationType] = principal.FindFirstValue(MarketplaceClaims.OrganisationType),
        };
        if (principal.FindFirstValue(MarketplaceClaims.ClientId) is { } clientId)
        {
            info[MarketplaceClaims.ClientId] = clientId;
            return TypedResults.Ok(info);
        }
        // What the token says is the answer when the account record adds nothing (a token from another issuer's user store).
        if (!Guid.TryParse(principal.UserId(), out var userId) || await users.FindByIdAsync(userId.ToString()) is not { } user)
        {
            return TypedResults.Ok(info);
        }
        info[MarketplaceClaims.Name] = user.DisplayName;
        info[MarketplaceClaims.Email] = user.Email;
        info["email_verified"] = user.EmailConfirmed;
        info[MarketplaceClaims.Locale] = user.Locale;
        if (user.OrganisationId is { } orgId && await db.Organisations.AsNoTracking().FirstOrDefaultAsync(o => o.Id == orgId, ct) is { } org)
        {
            info["org_name"] = org.NameEn;
            info["org_name_zh"] = org.NameZh;
        }
        return TypedResults.Ok(info);
    }

    /// <summary>client_secret_basic (Authorization: Basic) or client_secret_post (form fields).</summary>
    private static (string Id, string Secret) ClientCredentials(HttpRequest request, IFormCollection form)
    {
        var header = request.Headers.Authorization.ToString();
        if (header.StartsWith("Basic ", StringComparison.OrdinalIgnoreCase))
        {
            try
            {
                var decoded = Encoding.UTF8.GetString(Convert.FromBase64String(header[6..].Trim())).Split(':', 2);
                if (decoded.Length == 2)
                {
                    var (id, secret) = (Uri.UnescapeDataString(decoded[0]), Uri.UnescapeDataString(decoded[1]));
                    // Control characters are in no client id or secret: refused like wrong credentials.
                    return TextRules.HasForbiddenCharacters(id + secret, multiline: false) ? ("", "") : (id, secret);
                }
            }
            catch (FormatException)
            {
                // Not base64: treated as no credentials, which the grant refuses.
            }
        }
        return (form["client_id"].ToString(), form["client_secret"].ToString());
    }

    /// <summary>Reads an access token this server signed (even expired) to learn its jti, subject and expiry.</summary>
    internal static async Task<JsonWebToken?> ReadOwnTokenAsync(string token, SigningKeyStore keys, TokenServerOptions options, CancellationToken ct)
    {
        var set = await keys.CurrentAsync(ct);
        var result = await new JsonWebTokenHandler().ValidateTokenAsync(token, new TokenValidationParameters
        {
            ValidIssuer = options.Issuer,
            ValidateAudience = false,
            ValidateLifetime = false,
            IssuerSigningKeys = set.Published,
            ValidAlgorithms = [SecurityAlgorithms.RsaSha256],
        });
        return result.IsValid ? result.SecurityToken as JsonWebToken : null;
    }

    internal static TokensRevoked RevocationOf(JsonWebToken token, DateTimeOffset now) =>
        new(token.Subject, token.Id, now, token.ValidTo == DateTime.MinValue ? now : new DateTimeOffset(token.ValidTo, TimeSpan.Zero).AddMinutes(5));

    internal static void Revoke(this IServiceDbContext db, TokensRevoked revocation, DateTimeOffset now) => db.AddEvent(revocation, now);
}

public sealed record JwksResponse(IReadOnlyList<JwkResponse> Keys);

public sealed record JwkResponse(string Kty, string Use, string Kid, string Alg, string N, string E)
{
    public static JwkResponse From(RsaSecurityKey key)
    {
        var parameters = key.Rsa.ExportParameters(includePrivateParameters: false);
        return new JwkResponse("RSA", "sig", key.KeyId, SecurityAlgorithms.RsaSha256,
            Base64UrlEncoder.Encode(parameters.Modulus), Base64UrlEncoder.Encode(parameters.Exponent));
    }
}
