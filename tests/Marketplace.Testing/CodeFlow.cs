using System.Net;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.IdentityModel.Tokens;

namespace Marketplace.Testing;

/// <summary>
/// The authorization-code flow with PKCE as the web UI's browser and back end drive it, over plain
/// HTTP: a client that keeps cookies and does not follow redirects plays the browser.
/// </summary>
public static partial class CodeFlow
{
    public const string ClientId = "marketplace-web";
    public const string RedirectUri = "https://web.marketplace.test/signed-in";
    public const string PostLogoutRedirectUri = "https://web.marketplace.test/signed-out";
    public const string AuthorizePath = "/api/identity/connect/authorize";

    public sealed record Pkce(string Verifier, string Challenge);

    public static Pkce NewPkce()
    {
        var verifier = Base64UrlEncoder.Encode(RandomNumberGenerator.GetBytes(32));
        return new Pkce(verifier, Base64UrlEncoder.Encode(SHA256.HashData(Encoding.ASCII.GetBytes(verifier))));
    }

    public static string AuthorizeUrl(Pkce pkce, string state) =>
        $"{AuthorizePath}?client_id={ClientId}&response_type=code&scope={Uri.EscapeDataString("openid profile email offline_access marketplace")}" +
        $"&redirect_uri={Uri.EscapeDataString(RedirectUri)}&state={state}&code_challenge={pkce.Challenge}&code_challenge_method=S256";

    /// <summary>The sign-in form's fields as the page rendered them (antiforgery token, return URL).</summary>
    public static Dictionary<string, string> FormFields(string html) =>
        HiddenInput().Matches(html).ToDictionary(m => WebUtility.HtmlDecode(m.Groups["name"].Value), m => WebUtility.HtmlDecode(m.Groups["value"].Value));

    /// <summary>Follows the authorization request to the sign-in page and returns the page.</summary>
    public static async Task<(HttpResponseMessage Page, string Html)> OpenSignInPageAsync(HttpClient browser, Pkce pkce, string state)
    {
        var authorize = await browser.GetAsync(AuthorizeUrl(pkce, state));
        Assert.Equal(HttpStatusCode.Redirect, authorize.StatusCode);
        Assert.StartsWith("/api/identity/account/sign-in", authorize.Headers.Location!.OriginalString);
        var page = await browser.GetAsync(authorize.Headers.Location);
        return (page, await page.Content.ReadAsStringAsync());
    }

    public static Task<HttpResponseMessage> PostSignInAsync(HttpClient browser, string html, string email, string password)
    {
        var fields = FormFields(html);
        fields["username"] = email;
        fields["password"] = password;
        return browser.PostAsync("/api/identity/account/sign-in", new FormUrlEncodedContent(fields));
    }

    /// <summary>Authorization request, sign-in page, form post, back to the authorization endpoint: the code it sends to the redirect URI.</summary>
    public static async Task<string> SignInForCodeAsync(HttpClient browser, Pkce pkce, string email, string password)
    {
        var state = Guid.NewGuid().ToString("N");
        var (_, html) = await OpenSignInPageAsync(browser, pkce, state);
        var signedIn = await PostSignInAsync(browser, html, email, password);
        Assert.True(signedIn.StatusCode == HttpStatusCode.Redirect, await signedIn.Content.ReadAsStringAsync());
        return await FollowToCodeAsync(browser, signedIn.Headers.Location!.OriginalString, state);
    }

    /// <summary>Calls the authorization endpoint (with a sign-in session) and reads the code from the redirect to the client.</summary>
    public static async Task<string> FollowToCodeAsync(HttpClient browser, string authorizeUrl, string state)
    {
        var back = await browser.GetAsync(authorizeUrl);
        Assert.True(back.StatusCode == HttpStatusCode.Redirect, await back.Content.ReadAsStringAsync());
        var location = back.Headers.Location!;
        Assert.StartsWith(RedirectUri + "?", location.OriginalString);
        var query = QueryOf(location);
        Assert.Equal(state, query["state"]);
        return query["code"];
    }

    public static Task<HttpResponseMessage> ExchangeAsync(HttpClient client, string code, string verifier) =>
        client.PostAsync(TokenEndpoint.Path, new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["grant_type"] = "authorization_code",
            ["code"] = code,
            ["code_verifier"] = verifier,
            ["redirect_uri"] = RedirectUri,
            ["client_id"] = ClientId,
        }));

    public static async Task<JsonElement> ExchangedAsync(HttpClient client, string code, string verifier)
    {
        var response = await ExchangeAsync(client, code, verifier);
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.True(response.StatusCode == HttpStatusCode.OK, body.ToString());
        return body;
    }

    public static Dictionary<string, string> QueryOf(Uri uri) =>
        uri.Query.TrimStart('?').Split('&', StringSplitOptions.RemoveEmptyEntries).Select(p => p.Split('=', 2))
            .ToDictionary(p => Uri.UnescapeDataString(p[0]), p => p.Length > 1 ? Uri.UnescapeDataString(p[1].Replace('+', ' ')) : "");

    [GeneratedRegex("<input type=\"hidden\" name=\"(?<name>[^\"]+)\" value=\"(?<value>[^\"]*)\">")]
    private static partial Regex HiddenInput();
}
