namespace Marketplace.Contracts.Matching;

/// <summary>A proposal was submitted (or resubmitted) for a scenario. Sealed: it carries no content and no bidder.</summary>
public sealed record ProposalSubmitted(Guid ProposalId, Guid ScenarioId, DateTimeOffset SubmittedAt);
