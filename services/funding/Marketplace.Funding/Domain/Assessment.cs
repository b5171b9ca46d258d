namespace Marketplace.Funding.Domain;

public enum AssignmentResponse
{
    /// <summary>Assigned; nothing of the application is shown until the assessor declares no conflict.</summary>
    Pending,
    /// <summary>Declared no conflict of interest and accepted: the application is shown and may be scored.</summary>
    Accepted,
    Declined,
}

/// <summary>Why an assessor declines an assignment.</summary>
public enum DeclineReason
{
    ConflictOfInterest,
    NotMyExpertise,
    TooManyAssessments,
}

public enum Recommendation
{
    Fund,
    DoNotFund,
}

public sealed record CriterionScore(string Criterion, int Score);

/// <summary>One assessor's assignment to an application, their response, and once accepted their scores, feedback and recommendation.</summary>
public sealed record AssessorAssignment(
    Guid AssessorId,
    DateTimeOffset AssignedAt,
    AssignmentResponse Response = AssignmentResponse.Pending,
    DeclineReason? DeclineReason = null,
    string? Note = null,
    DateTimeOffset? RespondedAt = null,
    IReadOnlyList<CriterionScore>? Scores = null,
    string? Feedback = null,
    Recommendation? Recommendation = null,
    DateTimeOffset? ScoredAt = null)
{
    public bool Scored => Scores is not null;
}
