namespace Marketplace.Funding.Domain;

/// <summary>A criterion assessors score: integer 0..<paramref name="MaxScore"/>; an application passes it at <paramref name="PassMark"/> on average.</summary>
public sealed record AssessmentCriterion(string Code, string NameEn, string NameZh, int MaxScore, int PassMark);
