using Marketplace.ServiceDefaults.Auditing;
using Microsoft.AspNetCore.Identity;

namespace Marketplace.Identity.Domain;

/// <summary>
/// A person. ASP.NET Core Identity keeps the password hash, lockout and unique email; the membership
/// (one organisation, the roles held there, whether the person manages its members) lives here.
/// </summary>
public sealed class MarketplaceUser : IdentityUser<Guid>, IAudited
{
    private static readonly string[] s_secrets = [nameof(PasswordHash), nameof(SecurityStamp), nameof(ConcurrencyStamp)];

    public string DisplayName { get; set; } = "";

    /// <summary>en or zh-HK: the language of the user's tokens (locale claim) and messages.</summary>
    public string Locale { get; set; } = "en";

    public Guid? OrganisationId { get; set; }

    /// <summary>May invite and manage the organisation's members and API clients.</summary>
    public bool IsOrganisationManager { get; set; }

    /// <summary>False once removed from the organisation; such accounts cannot sign in.</summary>
    public bool Active { get; set; } = true;

    public DateTimeOffset CreatedAt { get; set; }

    public string AuditId => Id.ToString();

    public IReadOnlyCollection<string> RedactedProperties => s_secrets;
}
