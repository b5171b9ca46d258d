namespace Marketplace.Contracts.Catalogue;

/// <summary>A department answered a clarification question (in both languages); both are now public. The asker is never named.</summary>
public sealed record ClarificationAnswered(Guid ScenarioId, Guid ClarificationId, string Question, string AnswerEn, string AnswerZh, DateTimeOffset AnsweredAt);
