using Marketplace.ServiceDefaults.Localization;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Marketplace.ServiceDefaults.Validation;

public static class ValidationResults
{
    /// <summary>An RFC 9457 400 answer listing every field error in the caller's language.</summary>
    public static ValidationProblem ToProblem(this ValidationErrors errors) =>
        TypedResults.ValidationProblem(
            errors.ToDictionary(),
            detail: Messages.ValidationDetail.Current,
            title: Messages.ValidationTitle.Current,
            type: "https://tools.ietf.org/html/rfc9110#section-15.5.1");
}
