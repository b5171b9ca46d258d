namespace Marketplace.Talent.Domain;

/// <summary>
/// An awarded project as matching announced it (ProjectAwarded, AwardCancelled), whichever arrives
/// first: a cancellation consumed before its award leaves a row that the late award cannot staff.
/// </summary>
public sealed class StaffedProject
{
    private StaffedProject()
    {
    }

    public StaffedProject(Guid projectId, Guid scenarioId) => (ProjectId, ScenarioId) = (projectId, scenarioId);

    public Guid ProjectId { get; private set; }

    public Guid ScenarioId { get; private set; }

    /// <summary>Null while only the cancellation is known.</summary>
    public Guid? VendorId { get; private set; }

    public DateTimeOffset? AwardedAt { get; private set; }

    public DateTimeOffset? CancelledAt { get; private set; }

    public Guid Version { get; private set; }

    public bool Cancelled => CancelledAt is not null;

    /// <summary>True the first time the award is applied to a project that was not cancelled: only then are its roles created.</summary>
    public bool Awarded(Guid vendorId, DateTimeOffset at)
    {
        if (AwardedAt is not null)
        {
            return false;
        }
        (VendorId, AwardedAt, Version) = (vendorId, at, Guid.NewGuid());
        return CancelledAt is null;
    }

    public void Cancel(DateTimeOffset at) => (CancelledAt, Version) = (CancelledAt ?? at, Guid.NewGuid());
}
