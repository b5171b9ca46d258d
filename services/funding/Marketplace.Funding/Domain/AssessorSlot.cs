namespace Marketplace.Funding.Domain;

/// <summary>
/// Who is assigned to an application and how they answered, one row per assessor. The assignment's
/// detail (scores, feedback) stays in the application's JSON column; this copy, kept in step by
/// <see cref="FundingApplication"/> alone, lets the database filter, count and page an assessor's
/// queue and the applications withheld from an officer.
/// </summary>
public sealed class AssessorSlot
{
    private AssessorSlot()
    {
    }

    internal AssessorSlot(Guid applicationId, AssessorAssignment assignment) =>
        (ApplicationId, AssessorId, AssignedAt, Response) = (applicationId, assignment.AssessorId, assignment.AssignedAt, assignment.Response);

    public Guid ApplicationId { get; private set; }

    public Guid AssessorId { get; private set; }

    public DateTimeOffset AssignedAt { get; private set; }

    public AssignmentResponse Response { get; private set; }

    internal void Follow(AssessorAssignment assignment) => Response = assignment.Response;
}
