using Marketplace.ServiceDefaults.Localization;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Localization;

namespace Marketplace.Web.Auth;

/// <summary>Sign-in (starts the code flow), sign-out (ends this session and the identity service's), the language switch.</summary>
internal static class SessionEndpoints
{
    public static IEndpointRouteBuilder MapSessionEndpoints(this IEndpointRouteBuilder app, WebOptions options)
    {
        app.MapGet("/sign-in", (string? returnUrl) =>
                TypedResults.Challenge(new AuthenticationProperties { RedirectUri = WebPaths.LocalOrHome(returnUrl) }, [WebSchemes.OpenIdConnect]))
            .AllowAnonymous().ExcludeFromDescription();

        // A form post with an antiforgery token: a link elsewhere cannot sign a person out.
        app.MapPost("/sign-out", () =>
                TypedResults.SignOut(new AuthenticationProperties { RedirectUri = "/" }, [WebSchemes.Cookie, WebSchemes.OpenIdConnect]))
            .RequireAuthorization(WebSchemes.BrowserPolicy).WithMetadata(new RequireAntiforgeryTokenAttribute()).ExcludeFromDescription();

        // The language chosen is remembered for a year in the standard culture cookie (which the sign-in page reads too).
        app.MapGet("/language", (HttpContext http, TimeProvider time, string? culture, string? returnUrl) =>
            {
                var chosen = culture is not null && culture.StartsWith("zh", StringComparison.OrdinalIgnoreCase) ? Cultures.TraditionalChineseHongKong : Cultures.English;
                http.Response.Cookies.Append(CookieRequestCultureProvider.DefaultCookieName,
                    CookieRequestCultureProvider.MakeCookieValue(new RequestCulture(chosen)),
                    new CookieOptions
                    {
                        Expires = time.GetUtcNow().AddYears(1),
                        HttpOnly = true,
                        IsEssential = true,
                        SameSite = SameSiteMode.Lax,
                        Secure = options.SecureCookies,
                    });
                return TypedResults.LocalRedirect(WebPaths.LocalOrHome(returnUrl));
            })
            .AllowAnonymous().ExcludeFromDescription();
        return app;
    }
}
