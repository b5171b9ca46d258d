using System.Globalization;
using System.Net.Http.Headers;
using Marketplace.Web.Auth;
using Microsoft.AspNetCore.Authentication;

namespace Marketplace.Web.Api;

/// <summary>
/// Every call to a service carries the signed-in person's access token (from the server-side ticket, never from
/// the browser) and the page's language, so problem details come back in it.
/// </summary>
internal sealed class UserTokenHandler(IHttpContextAccessor accessor) : DelegatingHandler
{
    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        if (accessor.HttpContext is { } http && http.User.Identity?.IsAuthenticated == true
            && await http.GetTokenAsync(WebSchemes.Cookie, "access_token") is { } token)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        }
        request.Headers.AcceptLanguage.Clear();
        request.Headers.AcceptLanguage.Add(new StringWithQualityHeaderValue(CultureInfo.CurrentUICulture.Name));
        return await base.SendAsync(request, cancellationToken);
    }
}
