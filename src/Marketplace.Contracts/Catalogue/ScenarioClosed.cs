namespace Marketplace.Contracts.Catalogue;

/// <summary>
/// A scenario stopped accepting proposals: its deadline passed (<paramref name="Reason"/>
/// "deadline") or it was cancelled (the department's reason).
/// </summary>
public sealed record ScenarioClosed(Guid ScenarioId, Guid DepartmentId, string Reason, DateTimeOffset ClosedAt);
