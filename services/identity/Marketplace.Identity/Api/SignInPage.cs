using System.Globalization;
using System.Security.Claims;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Unicode;
using Marketplace.Identity.Oidc;
using Marketplace.ServiceDefaults.Auth;
using Marketplace.ServiceDefaults.Localization;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Routing;

namespace Marketplace.Identity.Api;

/// <summary>
/// The sign-in page of the code flow: a server-rendered form (antiforgery-protected, in English or
/// Traditional Chinese by Accept-Language or <c>?culture=</c>) whose success starts a short sign-in
/// session (a cookie on /api/identity) and returns to the authorization request that asked for it.
/// The password rules, lockout and its messages are the password grant's (<see cref="PeopleSignIn"/>).
/// </summary>
public static class SignInPage
{
    public const string Path = "/api/identity/account/sign-in";
    public const string Scheme = "marketplace-sign-in";

    private static readonly LocalizedText Title = new("Sign in to the AI Scenario Marketplace", "登入人工智能應用場景平台");
    private static readonly LocalizedText EmailLabel = new("Email", "電郵");
    private static readonly LocalizedText PasswordLabel = new("Password", "密碼");
    private static readonly LocalizedText Submit = new("Sign in", "登入");
    private static readonly LocalizedText OtherLanguage = new("中文", "English");
    private static readonly LocalizedText BadLink = new(
        "This sign-in link is not valid; start signing in again from the marketplace.", "此登入連結無效；請從平台重新開始登入。");
    private static readonly LocalizedText Expired = new(
        "The sign-in form had expired; enter your email and password again.", "登入表格已逾時；請重新輸入電郵及密碼。");

    public static string PathFor(string returnUrl) => $"{Path}?returnUrl={Uri.EscapeDataString(returnUrl)}";

    public static IEndpointRouteBuilder MapSignInPage(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup(Path).WithTags("OpenID Connect").WithGroupName(IdentityModule.Name).AllowAnonymous().ExcludeFromDescription();
        group.MapGet("/", Show);
        group.MapPost("/", SubmitAsync).DisableAntiforgery();
        return app;
    }

    public static IResult Show(HttpContext http, IAntiforgery antiforgery, string? returnUrl) =>
        IsAuthorizationRequest(returnUrl)
            ? Page(http, antiforgery, returnUrl!, email: "", error: null, StatusCodes.Status200OK)
            : Page(http, antiforgery, returnUrl: null, email: "", BadLink, StatusCodes.Status400BadRequest);

    public static async Task<IResult> SubmitAsync(HttpContext http, IAntiforgery antiforgery, PeopleSignIn people)
    {
        IFormCollection form;
        try
        {
            form = http.Request.HasFormContentType ? await http.Request.ReadFormAsync(http.RequestAborted) : FormCollection.Empty;
        }
        catch (Exception ex) when (ex is InvalidDataException or IOException or BadHttpRequestException)
        {
            return Page(http, antiforgery, returnUrl: null, email: "", BadLink, StatusCodes.Status400BadRequest);
        }
        var returnUrl = form["returnUrl"].ToString();
        var email = form["username"].ToString();
        if (!IsAuthorizationRequest(returnUrl) || email.Contains('\0', StringComparison.Ordinal))
        {
            return Page(http, antiforgery, returnUrl: null, email: "", BadLink, StatusCodes.Status400BadRequest);
        }
        if (!await antiforgery.IsRequestValidAsync(http))
        {
            return Page(http, antiforgery, returnUrl, email, Expired, StatusCodes.Status400BadRequest);
        }
        var (user, refusal) = await people.CheckPasswordAsync(email, form["password"].ToString().Replace("\0", "", StringComparison.Ordinal));
        if (user is null)
        {
            return Page(http, antiforgery, returnUrl, email, refusal!.Description, StatusCodes.Status200OK);
        }
        var identity = new ClaimsIdentity([new Claim(MarketplaceClaims.Subject, user.Id.ToString())], Scheme);
        await http.SignInAsync(Scheme, new ClaimsPrincipal(identity));
        return Results.Redirect(returnUrl);
    }

    /// <summary>Only back to this server's authorization endpoint: never an open redirect.</summary>
    private static bool IsAuthorizationRequest(string? returnUrl) =>
        returnUrl is not null && returnUrl.StartsWith(AuthorizationApi.AuthorizePath + "?", StringComparison.Ordinal) && !returnUrl.Contains('\\', StringComparison.Ordinal);

    private static IResult Page(HttpContext http, IAntiforgery antiforgery, string? returnUrl, string email, LocalizedText? error, int status)
    {
        // Chinese text stays readable in the page source; only what HTML needs is escaped.
        var html = HtmlEncoder.Create(UnicodeRanges.All);
        var tokens = antiforgery.GetAndStoreTokens(http);
        var chinese = CultureInfo.CurrentUICulture.Name.StartsWith("zh", StringComparison.OrdinalIgnoreCase);
        var other = chinese ? Cultures.English : Cultures.TraditionalChineseHongKong;
        var switchUrl = $"{Path}?culture={other}&ui-culture={other}" + (returnUrl is null ? "" : $"&returnUrl={Uri.EscapeDataString(returnUrl)}");
        var page = new StringBuilder()
            .Append("<!DOCTYPE html><html lang=\"").Append(chinese ? "zh-HK" : "en").Append("\"><head><meta charset=\"utf-8\">")
            .Append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\"><title>").Append(html.Encode(Title.Current)).Append("</title></head><body><main>")
            .Append("<h1>").Append(html.Encode(Title.Current)).Append("</h1>")
            .Append("<p><a href=\"").Append(html.Encode(switchUrl)).Append("\" lang=\"").Append(other).Append("\">").Append(html.Encode(OtherLanguage.Current)).Append("</a></p>");
        if (error is not null)
        {
            page.Append("<p role=\"alert\" id=\"error\">").Append(html.Encode(error.Current)).Append("</p>");
        }
        if (returnUrl is not null)
        {
            page.Append("<form method=\"post\" action=\"").Append(Path).Append("\">")
                .Append("<input type=\"hidden\" name=\"").Append(html.Encode(tokens.FormFieldName)).Append("\" value=\"").Append(html.Encode(tokens.RequestToken ?? "")).Append("\">")
                .Append("<input type=\"hidden\" name=\"returnUrl\" value=\"").Append(html.Encode(returnUrl)).Append("\">")
                .Append("<p><label for=\"username\">").Append(html.Encode(EmailLabel.Current)).Append("</label> ")
                .Append("<input id=\"username\" name=\"username\" type=\"email\" autocomplete=\"username\" required value=\"").Append(html.Encode(email)).Append('"')
                .Append(error is null ? "" : " aria-describedby=\"error\"").Append("></p>")
                .Append("<p><label for=\"password\">").Append(html.Encode(PasswordLabel.Current)).Append("</label> ")
                .Append("<input id=\"password\" name=\"password\" type=\"password\" autocomplete=\"current-password\" required></p>")
                .Append("<p><button type=\"submit\">").Append(html.Encode(Submit.Current)).Append("</button></p></form>");
        }
        page.Append("</main></body></html>");
        http.Response.Headers.CacheControl = "no-store";
        return Results.Content(page.ToString(), "text/html; charset=utf-8", Encoding.UTF8, status);
    }
}
