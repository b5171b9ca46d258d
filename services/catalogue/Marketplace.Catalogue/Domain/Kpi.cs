namespace Marketplace.Catalogue.Domain;

/// <summary>An expected outcome measure: a bilingual name and the target (e.g. "≤ 2 minutes for 90% of arrivals").</summary>
public sealed record Kpi(string NameEn, string NameZh, string Target);
