using System.Text.Json;

namespace Marketplace.Web.Api;

// The department officer's requests and answers as the UI reads them (its own records: the UI shares no code with a service).

public sealed record AmendBody(ScenarioBody Scenario, string? SummaryEn, string? SummaryZh);

public sealed record ReasonBody(string? Reason);

public sealed record AnswerBody(string? AnswerEn, string? AnswerZh);

public sealed record AuditEntry(DateTimeOffset At, string UserId, string? UserName, Guid? OrganisationId, string Action, JsonElement Changes);

public sealed record OwnSuccessCase(Guid Id, Guid? ScenarioId, Named Department, Named Vendor, string TitleEn, string TitleZh,
    string SummaryEn, string SummaryZh, string Area, string Sector, string Status, DateTimeOffset? DepartmentApprovedAt, DateTimeOffset? VendorApprovedAt,
    DateTimeOffset? PublishedAt);

public sealed record SuccessCaseBody(Guid? VendorOrganisationId, Guid? ScenarioId, string? TitleEn, string? TitleZh, string? SummaryEn, string? SummaryZh,
    string? OutcomesEn, string? OutcomesZh, string? Area, string? Sector, IReadOnlyList<string> Capabilities, IReadOnlyList<KpiOutcomeBody> Kpis);

public sealed record KpiOutcomeBody(string? NameEn, string? NameZh, string? Target, string? Achieved);

public sealed record Weights(int Quality, int Price, int Innovation);

/// <summary>Why the API left something out (<c>hidden: true</c>): its stable code and its reason in both languages.</summary>
public sealed record HiddenReason(string Code, string TextEn, string TextZh);

public sealed record RankingRow(Guid ProposalId, bool Hidden, HiddenReason? HiddenReason, decimal? Quality, decimal? Innovation, decimal? Price,
    decimal? Total, int? Rank, bool? TiedAtTop, int? Evaluators);

public sealed record EvaluationView(Guid ScenarioId, Weights Weights, bool Normalise, IReadOnlyList<string> Evaluators, int Declarations, int Scores,
    IReadOnlyList<RankingRow> Ranking, Guid? AwardedProposalId, string? AwardJustification, DateTimeOffset? AwardedAt, DateTimeOffset? StandstillEndsAt);

public sealed record EvaluationBody(int? Quality, int? Price, int? Innovation, IReadOnlyList<string> Evaluators, bool Normalise);

public sealed record DeclarationBody(bool? Conflict, string? Note);

public sealed record ScoreBody(int? Quality, int? Innovation, string? Comment);

public sealed record AwardBody(Guid? ProposalId, string? Justification);

public sealed record OpenedProposal(Guid Id, Guid ScenarioId, Guid VendorOrganisationId, string Status, bool Hidden, HiddenReason? HiddenReason,
    string? Approach, decimal? PriceHkd, int? DurationMonths, bool? DataResidencyCompliant, string? SupportLevel, IReadOnlyList<TeamRole>? TeamRoles,
    DateTimeOffset? SubmittedAt, string? ReceiptSha256, DateTimeOffset? OpenedAt, bool? VerifiedAtOpening);

public sealed record IntegrityIncident(Guid Id, string Kind, Guid ProposalId, string ReceiptSha256, string OpenedSha256, DateTimeOffset DetectedAt,
    string DescriptionEn, string DescriptionZh);

public sealed record RecommendationReason(string Code, int Points, string En, string Zh);

public sealed record VendorRecommendation(Guid VendorId, string NameEn, string NameZh, string SizeClass, int Score, bool Strong,
    IReadOnlyList<RecommendationReason> Reasons);

