namespace Marketplace.Web.Api;

// What the vendor's and the chamber member's pages read: proposals and receipts, feedback, recommendations,
// saved searches, both inboxes, the organisation, its members, invitations and API clients, solutions, interests.

public sealed record TeamRole(string Skill, string Seniority, Guid? TalentId);

public sealed record Proposal(
    Guid Id, Guid ScenarioId, Guid VendorOrganisationId, string Status, bool Hidden, string? Approach, decimal? PriceHkd, int? DurationMonths,
    bool? DataResidencyCompliant, string? SupportLevel, IReadOnlyList<TeamRole>? TeamRoles, DateTimeOffset? SubmittedAt, string? ReceiptSha256,
    bool NeedsReconfirmation, DateTimeOffset? OpenedAt, bool? VerifiedAtOpening);

public sealed record TeamRoleBody(string? Skill, string? Seniority, Guid? TalentId);

public sealed record ProposalBody(string? Approach, decimal? PriceHkd, int? DurationMonths, bool? DataResidencyCompliant, string? SupportLevel, IReadOnlyList<TeamRoleBody> TeamRoles);

public sealed record Receipt(Guid ProposalId, Guid ScenarioId, string Sha256, DateTimeOffset SubmittedAt);

public sealed record Ranking(Guid ProposalId, decimal Quality, decimal Innovation, decimal Price, decimal Total, int Rank, bool TiedAtTop, int Evaluators);

public sealed record FeedbackScore(string Evaluator, int Quality, int Innovation, string Comment);

public sealed record Feedback(Guid ProposalId, bool Awarded, Ranking? Ranking, IReadOnlyList<FeedbackScore> Scores);

public sealed record Reason(string Code, int Points, string Text, string En, string Zh);

public sealed record RecommendedScenario(Guid ScenarioId, string TitleEn, string TitleZh, DateTimeOffset? ProposalDeadline, int Score, bool Strong, IReadOnlyList<Reason> Reasons);

public sealed record SavedSearch(Guid Id, string Name, string Query, string? Area, string? Sector, string? Capability, decimal? BudgetMin, decimal? BudgetMax,
    string Frequency, DateTimeOffset CreatedAt, DateTimeOffset? LastDigestAt);

public sealed record SavedSearchBody(string? Name, string? Query, string? Area, string? Sector, string? Capability, decimal? BudgetMin, decimal? BudgetMax, string? Frequency);

/// <summary>One notification of either inbox (the catalogue's per person, the matching service's per vendor organisation).</summary>
public sealed record InboxItem(Guid Id, string Kind, Guid? ScenarioId, string TitleEn, string TitleZh, string BodyEn, string BodyZh, DateTimeOffset CreatedAt, DateTimeOffset? ReadAt);

public sealed record Inbox(IReadOnlyList<InboxItem> Items, int Page, int PageSize, int TotalCount, int UnreadCount)
{
    public int TotalPages => TotalCount == 0 ? 0 : (TotalCount + PageSize - 1) / PageSize;
}

public sealed record Account(Guid Id, string Email, string Name, string Locale, IReadOnlyList<string> Roles, bool Manager, Organisation? Organisation);

public sealed record OrganisationChangeBody(string? NameEn, string? NameZh, string? BusinessRegistrationNumber, string? SizeClass);

public sealed record MemberBody(IReadOnlyList<string> Roles, bool Manager);

public sealed record Invitation(Guid Id, string Email, string Role, bool Manager, DateTimeOffset CreatedAt, DateTimeOffset ExpiresAt, string Status);

public sealed record InvitationBody(string? Email, string? Role, bool? Manager);

public sealed record CreatedInvitation(Invitation Invitation, string Code);

public sealed record ApiClient(Guid Id, string ClientId, string Name, string Role, DateTimeOffset CreatedAt, DateTimeOffset? RevokedAt);

public sealed record CreatedApiClient(ApiClient Client, string ClientSecret);

public sealed record DeploymentReference(string ClientEn, string ClientZh, int Year, string DescriptionEn, string DescriptionZh);

public sealed record SolutionDetail(Guid Id, Named Vendor, string NameEn, string NameZh, string SummaryEn, string SummaryZh, string DescriptionEn, string DescriptionZh,
    IReadOnlyList<string> Capabilities, IReadOnlyList<string> Sectors, IReadOnlyList<DeploymentReference> DeploymentReferences, string Status,
    DateTimeOffset? PublishedAt, DateTimeOffset UpdatedAt, int Version);

public sealed record DeploymentReferenceBody(string? ClientEn, string? ClientZh, int? Year, string? DescriptionEn, string? DescriptionZh);

public sealed record SolutionBody(string? NameEn, string? NameZh, string? SummaryEn, string? SummaryZh, string? DescriptionEn, string? DescriptionZh,
    IReadOnlyList<string> Capabilities, IReadOnlyList<string> Sectors, IReadOnlyList<DeploymentReferenceBody> DeploymentReferences);

public sealed record InterestBody(string? Sector, string? Note);

public sealed record Interest(Guid Id, Guid SuccessCaseId, Named Organisation, string Sector, string Note, DateTimeOffset RegisteredAt);

/// <summary>Whether the signed-in person has muted a scenario's alerts.</summary>
public sealed record MuteState(bool Muted, DateTimeOffset? MutedAt);
