using Marketplace.Contracts.Identity;
using Marketplace.Identity.Domain;
using Marketplace.ServiceDefaults.Data;
using Microsoft.EntityFrameworkCore;

namespace Marketplace.Identity.Data;

/// <summary>
/// Organisations and people for an empty identity database (the standalone demo). Organisations are
/// registered through the entity, so their OrganisationRegistered events reach the other services.
/// </summary>
public sealed record IdentitySeed(IReadOnlyList<IdentitySeed.SeedOrganisation> Organisations, IReadOnlyList<IdentitySeed.SeedUser> Users, string Password)
{
    public sealed record SeedOrganisation(Guid Id, OrganisationType Type, string NameEn, string NameZh, string? BusinessRegistrationNumber, SizeClass? SizeClass);

    public sealed record SeedUser(string Email, string Name, string Locale, string Role, Guid? OrganisationId, bool Manager);

    /// <summary>Seeds once: false when the database already has organisations.</summary>
    public async Task<bool> ApplyAsync(IdentityServiceDbContext db, Memberships memberships, DateTimeOffset now, CancellationToken cancellationToken)
    {
        if (await db.Organisations.AnyAsync(cancellationToken))
        {
            return false;
        }
        foreach (var seed in Organisations)
        {
            var details = new OrganisationDetails(seed.Type, seed.NameEn, seed.NameZh, seed.BusinessRegistrationNumber, seed.SizeClass);
            var errors = details.Check();
            if (!errors.IsValid)
            {
                throw new InvalidOperationException($"Seed organisation {seed.NameEn} is invalid: {string.Join("; ", errors.Fields)}");
            }
            var (organisation, registered) = Organisation.Register(details, approved: true, now, seed.Id);
            db.Organisations.Add(organisation);
            db.AddEvent(registered, now);
        }
        await db.SaveChangesAsync(cancellationToken);
        foreach (var user in Users)
        {
            var (created, errors) = await memberships.CreateAsync(user.Email, user.Name, user.Locale, Password, user.OrganisationId, [user.Role], user.Manager);
            if (created is null)
            {
                throw new InvalidOperationException($"Seed user {user.Email}: {string.Join("; ", errors.Select(e => e.Description))}");
            }
            // Demo addresses are known to be the people's own.
            created.EmailConfirmed = true;
            await db.SaveChangesAsync(cancellationToken);
        }
        return true;
    }
}
