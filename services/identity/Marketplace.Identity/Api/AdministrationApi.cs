using Marketplace.Identity.Data;
using Marketplace.Identity.Domain;
using Marketplace.Identity.Tokens;
using Marketplace.ServiceDefaults.Auth;
using Marketplace.ServiceDefaults.Errors;
using Marketplace.ServiceDefaults.Validation;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;

namespace Marketplace.Identity.Api;

public sealed record UserRequest(string? Email, string? Name, string? Password, string? Locale, string? Role);

public sealed record SigningKeyResponse(string KeyId, DateTimeOffset CreatedAt, DateTimeOffset? RetiredAt, DateTimeOffset? RemoveAfter, bool Active);

/// <summary>
/// <c>/api/identity/users</c> and <c>/api/identity/keys</c> (administrators): people without an
/// organisation (administrators, individual talent), unlocking accounts, and signing-key rotation.
/// </summary>
public static class AdministrationApi
{
    public static IEndpointRouteBuilder MapAdministrationApi(this IEndpointRouteBuilder app)
    {
        var users = app.MapGroup("/api/identity/users").WithTags("Administration").WithGroupName(IdentityModule.Name).RequireAuthorization(Roles.Admin);
        users.MapPost("/", CreateUserAsync).WithSummary("Create an administrator or an individual talent account (no organisation)");
        users.MapPost("/{userId:guid}/unlock", UnlockAsync).WithSummary("Unlock an account locked after failed sign-ins");

        var keys = app.MapGroup("/api/identity/keys").WithTags("Administration").WithGroupName(IdentityModule.Name).RequireAuthorization(Roles.Admin);
        keys.MapGet("/", ListKeysAsync).WithSummary("The signing keys: active, retired and when they leave the JWKS");
        keys.MapPost("/rotate", RotateAsync).WithSummary("Rotate the signing key now; the retired key stays published until its tokens expire");
        return app;
    }

    public static async Task<Results<Created<MemberResponse>, ValidationProblem>> CreateUserAsync(
        UserRequest request, Memberships memberships, TimeProvider time)
    {
        var allowed = OrganisationRoles.AllowedFor(null);
        var errors = new ValidationErrors().Email("email", request.Email).Text("name", request.Name, 200)
            .Required("password", request.Password).Locale("locale", request.Locale).OneOf("role", request.Role, [.. allowed]);
        if (!errors.IsValid)
        {
            return errors.ToProblem();
        }
        var (user, identityErrors) = await memberships.CreateAsync(request.Email!, request.Name!, request.Locale ?? "en", request.Password!,
            organisationId: null, [request.Role!], manager: false);
        if (user is null)
        {
            return new ValidationErrors().AddIdentityErrors(identityErrors).ToProblem();
        }
        return TypedResults.Created($"/api/identity/users/{user.Id}", MemberResponse.From(user, [request.Role!], time.GetUtcNow()));
    }

    public static async Task<Results<NoContent, ProblemHttpResult>> UnlockAsync(Guid userId, UserManager<MarketplaceUser> users)
    {
        if (await users.FindByIdAsync(userId.ToString()) is not { } user)
        {
            return ProblemResults.NotFound(IdentityTexts.UserNotFound);
        }
        await users.SetLockoutEndDateAsync(user, null);
        await users.ResetAccessFailedCountAsync(user);
        return TypedResults.NoContent();
    }

    public static async Task<Ok<IReadOnlyList<SigningKeyResponse>>> ListKeysAsync(IdentityServiceDbContext db, CancellationToken ct)
    {
        var keys = await db.SigningKeys.AsNoTracking().ToListAsync(ct);
        return TypedResults.Ok<IReadOnlyList<SigningKeyResponse>>(keys.OrderByDescending(k => k.CreatedAt)
            .Select(k => new SigningKeyResponse(k.KeyId, k.CreatedAt, k.RetiredAt, k.RemoveAfter, k.RetiredAt is null)).ToList());
    }

    public static async Task<Ok<SigningKeyResponse>> RotateAsync(SigningKeyStore keys, IdentityServiceDbContext db, CancellationToken ct)
    {
        var keyId = await keys.RotateAsync(ct);
        var key = await db.SigningKeys.AsNoTracking().FirstAsync(k => k.KeyId == keyId, ct);
        return TypedResults.Ok(new SigningKeyResponse(key.KeyId, key.CreatedAt, key.RetiredAt, key.RemoveAfter, true));
    }
}
