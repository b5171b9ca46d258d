using Marketplace.Contracts.Identity;
using Marketplace.Identity.Data;
using Marketplace.Identity.Domain;
using Marketplace.ServiceDefaults.Data;
using Marketplace.ServiceDefaults.Errors;
using Marketplace.ServiceDefaults.Validation;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;

namespace Marketplace.Identity.Api;

public sealed record ContactRequest(string? Email, string? Name, string? Password, string? Locale);

public sealed record VendorRegistrationRequest(OrganisationRequest? Organisation, ContactRequest? Contact);

public sealed record RegistrationResponse(OrganisationResponse Organisation, Guid ContactUserId);

/// <summary><c>/api/identity/registrations</c>: a vendor registers itself; it waits for an administrator's approval.</summary>
public static class RegistrationsApi
{
    public static RouteGroupBuilder MapRegistrationsApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/identity/registrations").WithTags("Registration").WithGroupName(IdentityModule.Name);
        group.MapPost("/", RegisterVendorAsync).AllowAnonymous()
            .WithSummary("Register a vendor and its first member (the organisation's manager); pending until an administrator approves");
        return group;
    }

    public static async Task<Results<Created<RegistrationResponse>, ValidationProblem, ProblemHttpResult>> RegisterVendorAsync(
        VendorRegistrationRequest request, IdentityServiceDbContext db, Memberships memberships, TimeProvider time, CancellationToken ct)
    {
        var errors = new ValidationErrors();
        var organisation = request.Organisation ?? new OrganisationRequest(null, null, null, null, null);
        if (organisation.Type is { } type && !string.Equals(type, nameof(OrganisationType.Vendor), StringComparison.OrdinalIgnoreCase))
        {
            errors.Add("organisation.type", IdentityTexts.SelfRegistrationVendorsOnly);
        }
        var details = organisation.ToDetails(errors, OrganisationType.Vendor);
        var contact = request.Contact ?? new ContactRequest(null, null, null, null);
        errors.Email("contact.email", contact.Email)
            .Text("contact.name", contact.Name, 200)
            .Required("contact.password", contact.Password)
            .Locale("contact.locale", contact.Locale);
        if (details is null || !errors.IsValid)
        {
            return Prefixed(errors, "organisation.").ToProblem();
        }
        if (await db.Organisations.AnyAsync(o => o.BusinessRegistrationNumber == details.BusinessRegistrationNumber, ct))
        {
            return ProblemResults.Conflict("brn-registered", IdentityTexts.BrnTaken);
        }

        var now = time.GetUtcNow();
        return await db.InTransactionAsync<Results<Created<RegistrationResponse>, ValidationProblem, ProblemHttpResult>>(async token =>
        {
            var (registered, registeredEvent) = Organisation.Register(details, approved: false, now);
            db.Organisations.Add(registered);
            db.AddEvent(registeredEvent, now);
            await db.SaveChangesAsync(token);
            var (user, identityErrors) = await memberships.CreateAsync(contact.Email!, contact.Name!, contact.Locale ?? "en", contact.Password!,
                registered.Id, [OrganisationRoles.DefaultFor(OrganisationType.Vendor)], manager: true);
            if (user is null)
            {
                // Nothing is kept: the organisation row and its event roll back with the transaction.
                return (new ValidationErrors().AddIdentityErrors(identityErrors, "contact.password", "contact.email").ToProblem(), false);
            }
            return (TypedResults.Created($"/api/identity/organisations/{registered.Id}",
                new RegistrationResponse(OrganisationResponse.From(registered), user.Id)), true);
        }, ct);
    }

    /// <summary>Organisation field names gain their JSON path (organisation.nameEn); contact fields already have theirs.</summary>
    private static ValidationErrors Prefixed(ValidationErrors errors, string prefix)
    {
        var result = new ValidationErrors();
        foreach (var field in errors.Fields)
        {
            var name = field.Contains('.', StringComparison.Ordinal) ? field : prefix + field;
            foreach (var message in errors.For(field))
            {
                result.Add(name, message);
            }
        }
        return result;
    }
}
