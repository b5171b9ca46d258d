namespace Marketplace.Contracts.Funding;

/// <summary>One outcome measure of a completed project: what was targeted and what was achieved.</summary>
public sealed record KpiResult(string NameEn, string NameZh, string Target, string Achieved);
