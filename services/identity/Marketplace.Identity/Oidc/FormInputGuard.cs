using Marketplace.ServiceDefaults.Localization;
using Microsoft.AspNetCore;
using OpenIddict.Server;
using static OpenIddict.Abstractions.OpenIddictConstants;
using static OpenIddict.Server.OpenIddictServerEvents;

namespace Marketplace.Identity.Oidc;

/// <summary>
/// Reads an OAuth endpoint's form before OpenIddict does, so a body the framework cannot parse
/// (truncated, over the 1,024-key or value-length limits) is an <c>invalid_request</c> error instead
/// of an exception, and refuses NUL characters, which no parameter may hold and the database rejects.
/// </summary>
internal sealed class FormInputGuard<TContext> : IOpenIddictServerHandler<TContext>
    where TContext : BaseValidatingContext
{
    public static readonly LocalizedText Unreadable = new(
        "The form could not be read: {0}", "無法讀取表單：{0}");

    public static readonly LocalizedText NulCharacter = new(
        "The parameter '{0}' contains a NUL character.", "參數「{0}」含有 NUL 字元。");

    public static OpenIddictServerHandlerDescriptor Descriptor { get; } = OpenIddictServerHandlerDescriptor.CreateBuilder<TContext>()
        .UseSingletonHandler<FormInputGuard<TContext>>()
        // Before every extraction handler (some endpoints read GET or POST, with their own handler).
        .SetOrder(int.MinValue + 10_000)
        .SetType(OpenIddictServerHandlerType.Custom)
        .Build();

    public async ValueTask HandleAsync(TContext context)
    {
        if (context.Transaction.GetHttpRequest() is not { } request)
        {
            return;
        }
        IEnumerable<KeyValuePair<string, Microsoft.Extensions.Primitives.StringValues>> parameters = request.Query;
        if (HttpMethods.IsPost(request.Method) && request.HasFormContentType)
        {
            try
            {
                // Buffered on the request: OpenIddict's own read returns this form.
                parameters = parameters.Concat(await request.ReadFormAsync(context.CancellationToken));
            }
            catch (Exception ex) when (ex is InvalidDataException or IOException or BadHttpRequestException or FormatException)
            {
                context.Reject(Errors.InvalidRequest, Unreadable.Format(ex.Message).Current);
                return;
            }
        }
        foreach (var (name, values) in parameters)
        {
            if (name.Contains('\0', StringComparison.Ordinal) || values.Any(v => v?.Contains('\0', StringComparison.Ordinal) == true))
            {
                context.Reject(Errors.InvalidRequest, NulCharacter.Format(name.Replace("\0", "", StringComparison.Ordinal)).Current);
                return;
            }
        }
    }
}
