namespace Marketplace.Web.Api;

// An organisation and its members as identity answers them; read by the administrator's and the organisation manager's pages.

public sealed record Organisation(Guid Id, string Type, string NameEn, string NameZh, string? BusinessRegistrationNumber, string? SizeClass, string Status,
    string? StatusReason, DateTimeOffset RegisteredAt, DateTimeOffset? ApprovedAt);

public sealed record Member(Guid Id, string Email, string Name, string Locale, IReadOnlyList<string> Roles, bool Manager, bool Active, bool LockedOut, DateTimeOffset CreatedAt);
