using Marketplace.Contracts.Talent;

namespace Marketplace.Talent.Domain;

/// <summary>A skill a talent holds: the taxonomy's URI, the level and years of practice.</summary>
public sealed record ProfileSkill(string SkillUri, Seniority Level, int Years);
