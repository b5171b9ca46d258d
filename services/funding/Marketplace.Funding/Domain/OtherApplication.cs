namespace Marketplace.Funding.Domain;

/// <summary>
/// Another application of the same company, as the engine weighs it: its scheme, the project it
/// funds (when opened from an award or linked to one), its status and the grant decided.
/// </summary>
public sealed record OtherApplication(Guid Id, Guid SchemeId, Guid? ProjectId, ApplicationStatus Status, decimal GrantHkd)
{
    /// <summary>Holds or has held a grant: counts to the caps and the number of projects.</summary>
    public bool Granted => Status is ApplicationStatus.Funded or ApplicationStatus.Completed;

    /// <summary>Funded and still being delivered.</summary>
    public bool InProgress => Status == ApplicationStatus.Funded;

    /// <summary>Public money is sought or held for its project (everything but a draft, a refusal or a withdrawal).</summary>
    public bool SeeksOrHoldsFunding => Status is ApplicationStatus.Submitted or ApplicationStatus.OnHold or ApplicationStatus.Funded or ApplicationStatus.Completed;
}
