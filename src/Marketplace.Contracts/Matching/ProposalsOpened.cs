namespace Marketplace.Contracts.Matching;

/// <summary>The deadline passed: the scenario's submitted proposals are open to its department, each verified against its receipt.</summary>
public sealed record ProposalsOpened(Guid ScenarioId, Guid DepartmentId, int ProposalCount, int VerifiedCount, DateTimeOffset OpenedAt);
