namespace Marketplace.Contracts.Matching;

/// <summary>
/// The deadline passed: the scenario's submitted proposals are open to its department, each verified against its receipt.
/// <paramref name="StartupBidders"/> and <paramref name="SmeBidders"/> count the bidders by size class (open data's bid
/// statistics); null when the publisher predates them.
/// </summary>
public sealed record ProposalsOpened(
    Guid ScenarioId,
    Guid DepartmentId,
    int ProposalCount,
    int VerifiedCount,
    DateTimeOffset OpenedAt,
    int? StartupBidders = null,
    int? SmeBidders = null);
