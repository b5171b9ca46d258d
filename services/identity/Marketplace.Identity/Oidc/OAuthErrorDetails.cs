using Marketplace.Identity.Api;
using Marketplace.ServiceDefaults.Localization;
using Microsoft.AspNetCore;
using OpenIddict.Server;
using OpenIddict.Server.AspNetCore;
using static OpenIddict.Abstractions.OpenIddictConstants;
using static OpenIddict.Server.OpenIddictServerEvents;

namespace Marketplace.Identity.Oidc;

/// <summary>
/// Gives OpenIddict's JSON error answers (token, revocation, introspection) the RFC 9457 members beside
/// RFC 6749's <c>error</c>/<c>error_description</c>, so they are problem-details bodies too; the
/// library's own refusals that a person may read get the marketplace's bilingual text and a <c>code</c>.
/// </summary>
internal sealed class OAuthErrorDetails<TContext> : IOpenIddictServerHandler<TContext>
    where TContext : BaseRequestContext
{
    public static readonly LocalizedText Title = new("The token request was refused.", "權杖請求被拒絕。");

    public static OpenIddictServerHandlerDescriptor Descriptor { get; } = OpenIddictServerHandlerDescriptor.CreateBuilder<TContext>()
        .UseSingletonHandler<OAuthErrorDetails<TContext>>()
        // After the HTTP status is chosen, before the body is written.
        .SetOrder(OpenIddictServerAspNetCoreHandlers.AttachHttpResponseCode<TContext>.Descriptor.Order + 500)
        .SetType(OpenIddictServerHandlerType.Custom)
        .Build();

    /// <summary>OpenIddict's error identifiers (in <c>error_uri</c>) that mean the marketplace's refresh-token refusals.</summary>
    private static readonly (string Id, string Code, LocalizedText Text)[] s_known =
    [
        ("ID2012", "refresh-reused", IdentityTexts.RefreshReused),
        ("ID2013", "refresh-reused", IdentityTexts.RefreshReused),
        ("ID2003", "refresh-invalid", IdentityTexts.RefreshInvalid),
        ("ID2004", "refresh-invalid", IdentityTexts.RefreshInvalid),
        ("ID2018", "refresh-invalid", IdentityTexts.RefreshInvalid),
        ("ID2019", "refresh-invalid", IdentityTexts.RefreshInvalid),
        ("ID2022", "refresh-invalid", IdentityTexts.RefreshInvalid),
        ("ID2023", "refresh-invalid", IdentityTexts.RefreshInvalid),
        ("ID2055", "invalid-client", IdentityTexts.WrongClient),
    ];

    public ValueTask HandleAsync(TContext context)
    {
        var response = context.Transaction.Response;
        if (response is null || string.IsNullOrEmpty(response.Error))
        {
            return default;
        }
        var uri = response.ErrorUri ?? "";
        foreach (var (id, code, text) in s_known)
        {
            if (uri.EndsWith(id, StringComparison.Ordinal) && (id != "ID2055" || response.Error == Errors.InvalidClient))
            {
                response.ErrorDescription = text.Current;
                response["code"] ??= code;
                break;
            }
        }
        var status = context.Transaction.GetHttpRequest()?.HttpContext.Response.StatusCode ?? StatusCodes.Status400BadRequest;
        response["type"] = "https://www.rfc-editor.org/rfc/rfc6749#section-5.2";
        response["title"] = Title.Current;
        response["status"] = status;
        response["detail"] = response.ErrorDescription;
        return default;
    }
}
