namespace Marketplace.OpenData.Statistics;

// The programme's public figures (docs/decisions/0023): only what open data already publishes, counted.

public sealed record ProgrammeStatistics(
    DateTimeOffset AsOf,
    ScenarioFigures Scenarios,
    ProposalFigures Proposals,
    AwardFigures Awards,
    IReadOnlyList<TimingRow> Timing,
    IReadOnlyList<SchemeFundsRow> Funds,
    IReadOnlyList<SectorSuccessRow> SuccessBySector);

/// <summary>Published scenarios (drafts and submissions are never public) by area, sector, where they stand and batch.</summary>
public sealed record ScenarioFigures(int Published, IReadOnlyList<CountRow> ByArea, IReadOnlyList<CountRow> BySector, IReadOnlyList<CountRow> ByStatus,
    IReadOnlyList<BatchRow> ByBatch);

public sealed record CountRow(string Value, int Count);

/// <summary>A batch's scenarios; <see cref="BatchId"/> null for scenarios published outside any batch.</summary>
public sealed record BatchRow(Guid? BatchId, string Code, string NameEn, string NameZh, int Count);

/// <summary>Proposals per scenario, known only from each scenario's opening: never a count before its deadline.</summary>
public sealed record ProposalFigures(int ScenariosOpened, int Proposals, double? MedianPerScenario, double? Percentile90PerScenario,
    IReadOnlyList<ScenarioProposalsRow> Top);

public sealed record ScenarioProposalsRow(Guid ScenarioId, string TitleEn, string TitleZh, int Proposals);

/// <summary>Standing awards (cancelled ones do not count) and their value, by the winner's size class.</summary>
public sealed record AwardFigures(int Awards, decimal ValueHkd, double? StartupAndSmeAwardShare, double? StartupAndSmeValueShare,
    IReadOnlyList<SizeRow> BySize);

public sealed record SizeRow(string SizeClass, int Awards, decimal ValueHkd, double? AwardShare, double? ValueShare);

/// <summary>A wait in whole days: how many were measured, their median and 90th percentile (one definition: Percentile).</summary>
public sealed record TimingRow(string Measure, int Count, double? MedianDays, double? Percentile90Days);

/// <summary>Grants decided for awarded projects under one scheme: committed (the grants) and paid so far, in HKD.</summary>
public sealed record SchemeFundsRow(string SchemeCode, int FundedApplications, decimal CommittedHkd, decimal PaidHkd);

public sealed record SectorSuccessRow(string Sector, int SuccessCases, int ReplicationInterests);

public static class TimingMeasures
{
    public const string PublicationToAward = "PublicationToAward";

    public const string AwardToFundingDecision = "AwardToFundingDecision";
}
