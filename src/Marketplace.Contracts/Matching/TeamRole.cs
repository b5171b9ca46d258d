namespace Marketplace.Contracts.Matching;

/// <summary>A role in a proposal's team: the skill, the seniority, and the named talent where known.</summary>
public sealed record TeamRole(string Skill, string Seniority, Guid? TalentId);
