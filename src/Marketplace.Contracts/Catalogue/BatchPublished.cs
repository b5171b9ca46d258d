namespace Marketplace.Contracts.Catalogue;

/// <summary>An administrator published a numbered batch ("2026 Batch 1") with the scenarios approved for it.</summary>
public sealed record BatchPublished(Guid BatchId, string Code, string NameEn, string NameZh, IReadOnlyList<Guid> ScenarioIds, DateTimeOffset PublishedAt);
