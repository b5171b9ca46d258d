using System.Security.Claims;
using Marketplace.Identity.Data;
using Marketplace.Identity.Domain;
using Marketplace.Identity.Oidc;
using Marketplace.ServiceDefaults.Auth;
using Marketplace.ServiceDefaults.Data;
using Marketplace.ServiceDefaults.Errors;
using Marketplace.ServiceDefaults.Validation;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using OpenIddict.Abstractions;

namespace Marketplace.Identity.Api;

public sealed record ClientRequest(string? Name);

public sealed record ClientResponse(Guid Id, string ClientId, string Name, string Role, DateTimeOffset CreatedAt, DateTimeOffset? RevokedAt)
{
    public static ClientResponse From(ApiClient c) => new(c.Id, c.ClientId, c.Name, c.Role, c.CreatedAt, c.RevokedAt);
}

/// <summary>The client as created: the only time its secret is shown.</summary>
public sealed record CreatedClientResponse(ClientResponse Client, string ClientSecret);

/// <summary>
/// <c>/api/identity/organisations/{organisationId}/clients</c>: a department's or vendor's own systems
/// get a client id and secret for the client_credentials grant (its managers, or administrators).
/// </summary>
public static class ClientsApi
{
    public static RouteGroupBuilder MapClientsApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/identity/organisations/{organisationId:guid}/clients").WithTags("API clients").WithGroupName(IdentityModule.Name)
            .RequireOrganisationManager();
        group.MapGet("/", ListAsync).WithSummary("List the organisation's API clients (never their secrets)");
        group.MapPost("/", CreateAsync).WithSummary("Create an API client acting for the organisation; the secret is shown once");
        group.MapDelete("/{clientId:guid}", RevokeAsync).WithSummary("Revoke an API client; its tokens stop working everywhere");
        return group;
    }

    public static async Task<Results<Ok<IReadOnlyList<ClientResponse>>, ProblemHttpResult>> ListAsync(
        Guid organisationId, IdentityServiceDbContext db, CancellationToken ct)
    {
        var clients = await db.ApiClients.AsNoTracking().Where(c => c.OrganisationId == organisationId).ToListAsync(ct);
        return TypedResults.Ok<IReadOnlyList<ClientResponse>>(clients.OrderBy(c => c.CreatedAt).Select(ClientResponse.From).ToList());
    }

    public static async Task<Results<Created<CreatedClientResponse>, ValidationProblem, ProblemHttpResult>> CreateAsync(
        Guid organisationId, ClientRequest request, ClaimsPrincipal principal, IdentityServiceDbContext db,
        IOpenIddictApplicationManager applications, TimeProvider time, CancellationToken ct)
    {
        var organisation = await db.Organisations.AsNoTracking().FirstOrDefaultAsync(o => o.Id == organisationId, ct);
        if (organisation is null)
        {
            return ProblemResults.NotFound(IdentityTexts.OrganisationNotFound);
        }
        var errors = new ValidationErrors().Text("name", request.Name, 200);
        if (!errors.IsValid)
        {
            return errors.ToProblem();
        }
        var (client, secret) = ApiClient.Create(organisationId, request.Name!, OrganisationRoles.DefaultFor(organisation.Type),
            principal.UserId() ?? "", time.GetUtcNow());
        // The client's record and OpenIddict's application (which authenticates it) are one change.
        await db.InTransactionAsync(async token =>
        {
            db.ApiClients.Add(client);
            await db.SaveChangesAsync(token);
            await applications.CreateAsync(OidcClients.ApiClient(client, secret), token);
            return (true, true);
        }, ct);
        return TypedResults.Created($"/api/identity/organisations/{organisationId}/clients/{client.Id}",
            new CreatedClientResponse(ClientResponse.From(client), secret));
    }

    public static async Task<Results<NoContent, ProblemHttpResult>> RevokeAsync(
        Guid organisationId, Guid clientId, IdentityServiceDbContext db,
        IOpenIddictApplicationManager applications, TokenRevocations revocations, TimeProvider time, CancellationToken ct)
    {
        var client = await db.ApiClients.FirstOrDefaultAsync(c => c.Id == clientId && c.OrganisationId == organisationId, ct);
        if (client is null)
        {
            return ProblemResults.NotFound(IdentityTexts.ClientNotFound);
        }
        if (client.RevokedAt is null)
        {
            client.Revoke(time.GetUtcNow());
            // Without its application the client cannot authenticate at the token endpoint any more.
            if (await applications.FindByClientIdAsync(client.ClientId, ct) is { } application)
            {
                await applications.DeleteAsync(application, ct);
            }
            await revocations.RevokeEverythingOfAsync(client.ClientId, ct);
            await db.SaveChangesAsync(ct);
        }
        return TypedResults.NoContent();
    }
}
