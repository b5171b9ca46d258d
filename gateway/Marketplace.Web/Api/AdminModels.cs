namespace Marketplace.Web.Api;

// What the administrator's pages read: organisations and members (identity), submissions and batch details (catalogue),
// events set aside by a service's outbox, and the statistics of catalogue and matching.

/// <summary>A submitted scenario as the approvals page needs it (the catalogue's scenario answer, with its approval).</summary>
public sealed record Submission(Guid Id, string Status, Named Department, BatchRef? Batch, string TitleEn, string TitleZh, string Area,
    decimal BudgetMinHkd, decimal BudgetMaxHkd, DateTimeOffset? SubmittedAt, DateTimeOffset? ApprovedAt);

public sealed record SubmissionPage(IReadOnlyList<Submission> Items, int Page, int PageSize, int TotalCount)
{
    public int TotalPages => TotalCount == 0 ? 0 : (TotalCount + PageSize - 1) / PageSize;
}

public sealed record BatchDetail(Batch Batch, IReadOnlyList<FacetCount> ByArea, IReadOnlyList<FacetCount> BySector, int? Submitted, int? Approved);

public sealed record BatchBody(int? Year, int? Number, string? DescriptionEn, string? DescriptionZh, DateTimeOffset? ProposalDeadline);

public sealed record DeadLetter(Guid MessageId, long Sequence, string MessageType, DateTimeOffset CreatedAt, int Attempts, string? LastError,
    DateTimeOffset DeadLetteredAt);

/// <summary>The catalogue's statistics: scenarios by Smart City area and by status, and the days from publication to award.</summary>
public sealed record CatalogueStatistics(IReadOnlyList<FacetCount> ByArea, IReadOnlyList<FacetCount> ByStatus, AwardTiming TimeToAward);

public sealed record AwardTiming(int Awards, double? AverageDays, double? MedianDays, int? ShortestDays, int? LongestDays,
    IReadOnlyList<FacetCount> Buckets);

/// <summary>Matching's statistics: submitted proposals per scenario (the most first) and awards by the vendor's size class.</summary>
public sealed record MatchingStatistics(IReadOnlyList<ScenarioProposals> ProposalsPerScenario, int ScenariosWithProposals, int SubmittedProposals,
    IReadOnlyList<SizeCount> AwardsBySize, int Awards);

public sealed record ScenarioProposals(Guid ScenarioId, string TitleEn, string TitleZh, int Proposals);

public sealed record SizeCount(string SizeClass, int Awards);
