using Marketplace.ServiceDefaults.Localization;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Marketplace.ServiceDefaults.Errors;

/// <summary>Problem-details answers for the statuses handlers return themselves.</summary>
public static class ProblemResults
{
    public static ProblemHttpResult Forbidden(LocalizedText? detail = null) =>
        TypedResults.Problem(
            statusCode: StatusCodes.Status403Forbidden,
            title: Messages.ForbiddenTitle.Current,
            detail: (detail ?? Messages.ForbiddenDetail).Current,
            type: "https://tools.ietf.org/html/rfc9110#section-15.5.4");

    /// <summary>A refusal with a <c>code</c> saying which rule refused (e.g. a declared conflict of interest).</summary>
    public static ProblemHttpResult Forbidden(string code, LocalizedText detail) =>
        TypedResults.Problem(
            statusCode: StatusCodes.Status403Forbidden,
            title: Messages.ForbiddenTitle.Current,
            detail: detail.Current,
            type: "https://tools.ietf.org/html/rfc9110#section-15.5.4",
            extensions: new Dictionary<string, object?> { ["code"] = code });

    public static ProblemHttpResult NotFound(LocalizedText detail) =>
        TypedResults.Problem(
            statusCode: StatusCodes.Status404NotFound,
            title: Messages.NotFoundTitle.Current,
            detail: detail.Current,
            type: "https://tools.ietf.org/html/rfc9110#section-15.5.5");

    public static ProblemHttpResult Conflict(string code, LocalizedText detail) =>
        TypedResults.Problem(
            statusCode: StatusCodes.Status409Conflict,
            title: Messages.ConflictTitle.Current,
            detail: detail.Current,
            type: "https://tools.ietf.org/html/rfc9110#section-15.5.10",
            extensions: new Dictionary<string, object?> { ["code"] = code });
}
