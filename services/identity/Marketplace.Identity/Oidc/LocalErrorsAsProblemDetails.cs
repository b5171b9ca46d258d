using System.Text.Json;
using System.Text.RegularExpressions;
using Marketplace.ServiceDefaults.Localization;
using Microsoft.AspNetCore;
using OpenIddict.Abstractions;
using OpenIddict.Server;
using OpenIddict.Server.AspNetCore;
using static OpenIddict.Server.OpenIddictServerEvents;

namespace Marketplace.Identity.Oidc;

/// <summary>
/// An authorization or end-session request too broken to be answered at the client's redirect address
/// (no client, a NUL in a parameter, an unknown redirect URI) gets an RFC 9457 problem-details body
/// naming the parameter, like every other bad request in the marketplace, instead of OpenIddict's
/// plain-text page. Errors that can be redirected still go back to the client as OAuth requires.
/// </summary>
internal sealed partial class LocalErrorsAsProblemDetails<TContext> : IOpenIddictServerHandler<TContext>
    where TContext : BaseRequestContext
{
    public static readonly LocalizedText Title = new("The sign-in or sign-out request was refused.", "登入或登出請求被拒絕。");

    public static OpenIddictServerHandlerDescriptor Descriptor { get; } = OpenIddictServerHandlerDescriptor.CreateBuilder<TContext>()
        .UseSingletonHandler<LocalErrorsAsProblemDetails<TContext>>()
        // After every redirecting response handler has had its turn; in place of the plain-text one.
        .SetOrder(OpenIddictServerAspNetCoreHandlers.ProcessLocalErrorResponse<TContext>.Descriptor.Order - 1)
        .SetType(OpenIddictServerHandlerType.Custom)
        .Build();

    [GeneratedRegex("'([A-Za-z_]+)'")]
    private static partial Regex QuotedParameter();

    public async ValueTask HandleAsync(TContext context)
    {
        var response = context.Transaction.Response;
        if (response is null || string.IsNullOrEmpty(response.Error) || context.Transaction.GetHttpRequest()?.HttpContext is not { } http)
        {
            return;
        }
        var detail = response.ErrorDescription ?? response.Error;
        var match = QuotedParameter().Match(detail);
        var field = match.Success ? match.Groups[1].Value : OpenIddictConstants.Parameters.Error;
        var status = http.Response.StatusCode >= 400 ? http.Response.StatusCode : StatusCodes.Status400BadRequest;
        var body = new Dictionary<string, object?>
        {
            ["type"] = "https://www.rfc-editor.org/rfc/rfc6749#section-4.1.2.1",
            ["title"] = Title.Current,
            ["status"] = status,
            ["detail"] = detail,
            ["error"] = response.Error,
            ["error_description"] = detail,
            ["errors"] = new Dictionary<string, string[]> { [field] = [detail] },
        };
        http.Response.StatusCode = status;
        http.Response.ContentType = "application/problem+json";
        await JsonSerializer.SerializeAsync(http.Response.Body, body, cancellationToken: http.RequestAborted);
        context.HandleRequest();
    }
}
