namespace Marketplace.Contracts.Catalogue;

/// <summary>
/// A scenario stopped accepting proposals, for the reason <paramref name="Kind"/> names.
/// <paramref name="Reason"/> is display text only (the department's words for a cancellation),
/// never compared by a consumer.
/// </summary>
public sealed record ScenarioClosed(Guid ScenarioId, Guid DepartmentId, ScenarioClosureKind Kind, string Reason, DateTimeOffset ClosedAt);
