using System.Diagnostics;
using Marketplace.ServiceDefaults.Localization;
using Marketplace.ServiceDefaults.Observability;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.DependencyInjection;

namespace Marketplace.ServiceDefaults.Errors;

internal static class ProblemDetailsSetup
{
    public static IServiceCollection AddMarketplaceProblemDetails(this IServiceCollection services)
    {
        services.AddExceptionHandler<ProblemExceptionHandler>();
        services.AddProblemDetails(options => options.CustomizeProblemDetails = context =>
        {
            var problem = context.ProblemDetails;
            var http = context.HttpContext;
            problem.Instance ??= $"{http.Request.Method} {http.Request.Path}";
            problem.Extensions["traceId"] = Activity.Current?.Id ?? http.TraceIdentifier;
            if (CorrelationId.Current is { } correlationId)
            {
                problem.Extensions["correlationId"] = correlationId;
            }
            FillStatusTexts(problem);
        });
        return services;
    }

    // Status-code pages and the authorization middleware produce bare 401/403/404/413/415 answers; give them
    // the same bilingual titles and a useful detail.
    private static void FillStatusTexts(ProblemDetails problem)
    {
        switch (problem.Status)
        {
            case StatusCodes.Status401Unauthorized:
                problem.Title = Messages.UnauthorizedTitle.Current;
                problem.Detail ??= Messages.UnauthorizedDetail.Current;
                break;
            case StatusCodes.Status403Forbidden:
                problem.Title = Messages.ForbiddenTitle.Current;
                problem.Detail ??= Messages.ForbiddenDetail.Current;
                break;
            case StatusCodes.Status404NotFound:
                problem.Title = Messages.NotFoundTitle.Current;
                break;
            case StatusCodes.Status413PayloadTooLarge:
                problem.Title = Messages.TooLargeTitle.Current;
                problem.Detail ??= Messages.TooLargeDetail.Current;
                break;
            case StatusCodes.Status415UnsupportedMediaType:
                problem.Title = Messages.UnsupportedMediaTypeTitle.Current;
                problem.Detail ??= Messages.UnsupportedMediaTypeDetail.Current;
                break;
        }
    }
}
