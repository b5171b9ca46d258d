namespace Marketplace.Contracts.Matching;

/// <summary>An award was cancelled within its standstill period; the scenario is back to evaluating proposals.</summary>
public sealed record AwardCancelled(Guid ProjectId, Guid ScenarioId, string Reason, DateTimeOffset CancelledAt);
