namespace Marketplace.Contracts.Catalogue;

/// <summary>A published scenario stopped accepting proposals before or at its deadline.</summary>
public sealed record ScenarioClosed(
    Guid ScenarioId,
    Guid DepartmentId,
    string Reason,
    DateTimeOffset ClosedAt);
