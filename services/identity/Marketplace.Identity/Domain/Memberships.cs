using Marketplace.Contracts.Identity;
using Marketplace.Identity.Data;
using Marketplace.ServiceDefaults.Auth;
using Marketplace.ServiceDefaults.Data;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace Marketplace.Identity.Domain;

/// <summary>Creating people and asking what they may do for an organisation.</summary>
public sealed class Memberships(UserManager<MarketplaceUser> users, IdentityServiceDbContext db, TimeProvider time)
{
    /// <summary>A new account with its membership; the errors are Identity's (duplicate email, password rules).</summary>
    public async Task<(MarketplaceUser? User, IEnumerable<IdentityError> Errors)> CreateAsync(
        string email, string name, string locale, string password, Guid? organisationId, IReadOnlyCollection<string> roles, bool manager)
    {
        var user = new MarketplaceUser
        {
            Id = Guid.NewGuid(),
            UserName = email.Trim(),
            Email = email.Trim(),
            DisplayName = name.Trim(),
            Locale = locale,
            OrganisationId = organisationId,
            IsOrganisationManager = manager,
            CreatedAt = time.GetUtcNow(),
        };
        var created = await users.CreateAsync(user, password);
        if (!created.Succeeded)
        {
            return (null, created.Errors);
        }
        // Saved with the roles by the next store update.
        Announce(user, roles);
        var added = await users.AddToRolesAsync(user, roles);
        return added.Succeeded ? (user, []) : (null, added.Errors);
    }

    /// <summary>Administrators manage every organisation; otherwise an active manager of this very organisation.</summary>
    public async Task<bool> CanManageAsync(System.Security.Claims.ClaimsPrincipal principal, Guid organisationId, CancellationToken ct)
    {
        if (principal.IsInRole(Roles.Admin))
        {
            return true;
        }
        if (principal.OrganisationId() != organisationId || !Guid.TryParse(principal.UserId(), out var userId))
        {
            return false;
        }
        return await db.Users.AsNoTracking().AnyAsync(
            u => u.Id == userId && u.OrganisationId == organisationId && u.IsOrganisationManager && u.Active, ct);
    }

    /// <summary>
    /// Tells the other services who belongs where with which roles (<see cref="MembershipChanged"/>),
    /// in the outbox of the change that is about to be saved: matching checks evaluators against it.
    /// </summary>
    public void Announce(MarketplaceUser user, IEnumerable<string> roles)
    {
        var now = time.GetUtcNow();
        var held = roles.Select(r => Enum.TryParse<MemberRole>(r, out var role) ? role : throw new InvalidOperationException($"Role {r} has no contract value.")).ToList();
        db.AddEvent(new MembershipChanged(user.Id, user.OrganisationId, held, user.IsOrganisationManager, user.Active, now, user.DisplayName), now);
    }

    public Task<int> ManagerCountAsync(Guid organisationId, CancellationToken ct) =>
        db.Users.CountAsync(u => u.OrganisationId == organisationId && u.IsOrganisationManager && u.Active, ct);
}
