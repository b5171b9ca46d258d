using Marketplace.Identity.Domain;
using Marketplace.ServiceDefaults.Errors;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace Marketplace.Identity.Api;

/// <summary>
/// Organisation administration (<c>/organisations/{organisationId}/…</c>) is for administrators and
/// the organisation's own active managers; checked once for the whole route group.
/// </summary>
public static class OrganisationManagerFilter
{
    public static RouteGroupBuilder RequireOrganisationManager(this RouteGroupBuilder group)
    {
        group.RequireAuthorization().AddEndpointFilter(async (context, next) =>
        {
            var http = context.HttpContext;
            var memberships = http.RequestServices.GetRequiredService<Memberships>();
            if (!Guid.TryParse(http.GetRouteValue("organisationId")?.ToString(), out var organisationId)
                || !await memberships.CanManageAsync(http.User, organisationId, http.RequestAborted))
            {
                return ProblemResults.Forbidden(IdentityTexts.NotYourOrganisation);
            }
            return await next(context);
        });
        return group;
    }
}
