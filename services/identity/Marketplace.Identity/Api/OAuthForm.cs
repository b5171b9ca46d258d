using Marketplace.ServiceDefaults.Validation;
using Microsoft.Net.Http.Headers;

namespace Marketplace.Identity.Api;

/// <summary>
/// Reads the form of a token-server request (RFC 6749 §3.2: application/x-www-form-urlencoded), or
/// the OAuth error that says why it cannot be used: another media type, a body cut short, over the
/// form limits (keys, value length) or too large, a parameter holding control characters. None of
/// these is an unexpected failure of the server.
/// </summary>
internal static class OAuthForm
{
    public sealed record Result(IFormCollection? Form, IResult? Error);

    public static async Task<Result> ReadAsync(HttpRequest request, string requiredParameter, CancellationToken ct)
    {
        if (request.ContentType is null || request.ContentLength == 0 && request.Headers.TransferEncoding.Count == 0)
        {
            return Refused(IdentityTexts.MissingParameter.Format(requiredParameter));
        }
        if (!MediaTypeHeaderValue.TryParse(request.ContentType, out var type)
            || !type.MediaType.Equals("application/x-www-form-urlencoded", StringComparison.OrdinalIgnoreCase))
        {
            return Refused(IdentityTexts.FormEncodingRequired);
        }
        IFormCollection form;
        try
        {
            form = await request.ReadFormAsync(ct);
        }
        catch (BadHttpRequestException tooLarge) when (tooLarge.StatusCode == StatusCodes.Status413PayloadTooLarge)
        {
            return new Result(null, OAuthError.Create("invalid_request", IdentityTexts.FormTooLarge, status: StatusCodes.Status413PayloadTooLarge));
        }
        catch (Exception unreadable) when (unreadable is InvalidDataException or IOException or BadHttpRequestException or InvalidOperationException)
        {
            return Refused(IdentityTexts.MalformedForm);
        }
        foreach (var (key, values) in form)
        {
            if (TextRules.HasForbiddenCharacters(key, multiline: false) || values.Any(v => TextRules.HasForbiddenCharacters(v, multiline: false)))
            {
                return Refused(IdentityTexts.InvalidCharacters.Format(key));
            }
        }
        return new Result(form, null);
    }

    private static Result Refused(Marketplace.ServiceDefaults.Localization.LocalizedText description) =>
        new(null, OAuthError.Create("invalid_request", description));
}
