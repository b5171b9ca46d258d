using Marketplace.Contracts.Identity;
using Marketplace.Identity.Domain;
using Marketplace.ServiceDefaults.Validation;

namespace Marketplace.Identity.Api;

public sealed record OrganisationRequest(
    string? Type, string? NameEn, string? NameZh, string? BusinessRegistrationNumber, string? SizeClass);

public sealed record ReasonRequest([MultilineText] string? Reason);

public sealed record OrganisationResponse(
    Guid Id,
    OrganisationType Type,
    string NameEn,
    string NameZh,
    string? BusinessRegistrationNumber,
    SizeClass? SizeClass,
    OrganisationStatus Status,
    string? StatusReason,
    DateTimeOffset RegisteredAt,
    DateTimeOffset? ApprovedAt)
{
    public static OrganisationResponse From(Organisation o) =>
        new(o.Id, o.Type, o.NameEn, o.NameZh, o.BusinessRegistrationNumber, o.SizeClass, o.Status, o.StatusReason, o.RegisteredAt, o.ApprovedAt);
}

public sealed record MemberResponse(
    Guid Id, string Email, string Name, string Locale, IReadOnlyList<string> Roles, bool Manager, bool Active, bool LockedOut, DateTimeOffset CreatedAt)
{
    public static MemberResponse From(MarketplaceUser user, IReadOnlyList<string> roles, DateTimeOffset now) =>
        new(user.Id, user.Email ?? "", user.DisplayName, user.Locale, roles, user.IsOrganisationManager, user.Active,
            user.LockoutEnd is { } end && end > now, user.CreatedAt);
}
