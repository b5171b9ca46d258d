using System.Text.Json;
using System.Text.RegularExpressions;
using Marketplace.ServiceDefaults.Localization;
using Microsoft.AspNetCore.Mvc;

namespace Marketplace.ServiceDefaults.Errors;

/// <summary>
/// What a request that could not be bound did wrong, as problem details naming the field: the JSON
/// path of an ill-typed body value, the query parameter that is not of its type, a missing body, a
/// body that is not JSON (415) or too large (413). The framework's own wording never reaches the caller.
/// </summary>
internal static partial class BindingFailures
{
    private const string Rfc400 = "https://tools.ietf.org/html/rfc9110#section-15.5.1";

    public static ProblemDetails Describe(BadHttpRequestException bad)
    {
        if (bad.InnerException is JsonException { Path: { } path })
        {
            var field = path.TrimStart('$', '.');
            var text = field.Length == 0 ? Messages.MalformedJson : Messages.MalformedJsonAt.Format(field);
            return Validation(field.Length == 0 ? "$" : field, text);
        }
        switch (bad.StatusCode)
        {
            case StatusCodes.Status415UnsupportedMediaType:
                return new ProblemDetails
                {
                    Status = StatusCodes.Status415UnsupportedMediaType,
                    Title = Messages.UnsupportedMediaTypeTitle.Current,
                    Detail = Messages.UnsupportedMediaTypeDetail.Current,
                    Type = "https://tools.ietf.org/html/rfc9110#section-15.5.16",
                };
            case StatusCodes.Status413PayloadTooLarge:
                return new ProblemDetails
                {
                    Status = StatusCodes.Status413PayloadTooLarge,
                    Title = Messages.TooLargeTitle.Current,
                    Detail = Messages.TooLargeDetail.Current,
                    Type = "https://tools.ietf.org/html/rfc9110#section-15.5.14",
                };
        }
        if (FailedToBind().Match(bad.Message) is { Success: true } failed)
        {
            var name = JsonNamingPolicy.CamelCase.ConvertName(failed.Groups["name"].Value);
            return Validation(name, Messages.WrongType.Format(name, Describe(failed.Groups["type"].Value).Current));
        }
        if (RequiredMissing().Match(bad.Message) is { Success: true } missing)
        {
            var name = JsonNamingPolicy.CamelCase.ConvertName(missing.Groups["name"].Value);
            return Validation(name, Messages.Required.Format(name));
        }
        if (bad.Message.StartsWith("Implicit body inferred", StringComparison.Ordinal) || bad.Message.Contains("no body was provided", StringComparison.Ordinal))
        {
            return Validation("$", Messages.BodyRequired);
        }
        return Validation("$", Messages.MalformedJson);
    }

    private static HttpValidationProblemDetails Validation(string field, LocalizedText text) =>
        new(new Dictionary<string, string[]> { [field] = [text.Current] })
        {
            Status = StatusCodes.Status400BadRequest,
            Title = Messages.ValidationTitle.Current,
            Detail = Messages.ValidationDetail.Current,
            Type = Rfc400,
        };

    /// <summary>The expected kind of value, from the framework's type name (<c>Nullable&lt;int&gt;</c>, <c>Guid</c>).</summary>
    private static LocalizedText Describe(string type)
    {
        var bare = type.StartsWith("Nullable<", StringComparison.Ordinal) ? type[9..^1] : type;
        return bare switch
        {
            "int" or "long" or "short" or "Int32" or "Int64" => new LocalizedText("a whole number", "整數"),
            "decimal" or "double" or "float" or "Decimal" or "Double" => new LocalizedText("a number such as 1500000.50", "數字，例如 1500000.50"),
            "Guid" => new LocalizedText("an id (a GUID such as 3f2504e0-4f89-11d3-9a0c-0305e82c3301)", "編號（GUID，例如 3f2504e0-4f89-11d3-9a0c-0305e82c3301）"),
            "bool" or "Boolean" => new LocalizedText("true or false", "true 或 false"),
            "DateTimeOffset" or "DateTime" or "DateOnly" => new LocalizedText("a date and time in ISO 8601 (2026-12-31T16:00:00Z)", "ISO 8601 日期時間（2026-12-31T16:00:00Z）"),
            _ => new LocalizedText("a valid " + bare, "有效的 " + bare),
        };
    }

    // Minimal APIs report binding failures only as these messages (RouteHandlerOptions.ThrowOnBadRequest).
    [GeneratedRegex("^Failed to bind parameter \"(?<type>.+) (?<name>[^ \"]+)\" from \"", RegexOptions.Singleline)]
    private static partial Regex FailedToBind();

    [GeneratedRegex("^Required parameter \"(?<type>.+) (?<name>[^ \"]+)\" was not provided", RegexOptions.Singleline)]
    private static partial Regex RequiredMissing();
}
