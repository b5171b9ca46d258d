namespace Marketplace.Web.Api;

// What the statistics and open-data pages read from open data's GET /api/opendata/statistics (docs/decisions/0023).

public sealed record ProgrammeStatistics(DateTimeOffset AsOf, ScenarioFigures Scenarios, ProposalFigures Proposals, AwardFigures Awards,
    IReadOnlyList<TimingRow> Timing, IReadOnlyList<SchemeFundsRow> Funds, IReadOnlyList<SectorSuccessRow> SuccessBySector);

public sealed record ScenarioFigures(int Published, IReadOnlyList<FacetCount> ByArea, IReadOnlyList<FacetCount> BySector, IReadOnlyList<FacetCount> ByStatus,
    IReadOnlyList<BatchCount> ByBatch);

public sealed record BatchCount(Guid? BatchId, string Code, string NameEn, string NameZh, int Count);

public sealed record ProposalFigures(int ScenariosOpened, int Proposals, double? MedianPerScenario, double? Percentile90PerScenario,
    IReadOnlyList<ScenarioProposals> Top);

public sealed record AwardFigures(int Awards, decimal ValueHkd, double? StartupAndSmeAwardShare, double? StartupAndSmeValueShare, IReadOnlyList<SizeShare> BySize);

public sealed record SizeShare(string SizeClass, int Awards, decimal ValueHkd, double? AwardShare, double? ValueShare);

public sealed record TimingRow(string Measure, int Count, double? MedianDays, double? Percentile90Days);

public sealed record SchemeFundsRow(string SchemeCode, int FundedApplications, decimal CommittedHkd, decimal PaidHkd);

public sealed record SectorSuccessRow(string Sector, int SuccessCases, int ReplicationInterests);
