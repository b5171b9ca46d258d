namespace Marketplace.Catalogue.Domain;

/// <summary>
/// Draft → Submitted → Published (in a batch) → ProposalsClosed → Awarded → InDelivery → Completed;
/// or Cancelled (before an award) / Unsuccessful (no proposal could be awarded), each with a reason.
/// </summary>
public enum ScenarioStatus
{
    /// <summary>Being written by the department; visible only to it.</summary>
    Draft,

    /// <summary>Submitted for a batch; waits for an administrator's approval and the batch's publication.</summary>
    Submitted,

    /// <summary>Public; vendors ask questions and submit proposals until the deadline.</summary>
    Published,

    /// <summary>The deadline passed; proposals are being evaluated.</summary>
    ProposalsClosed,

    /// <summary>A proposal was awarded.</summary>
    Awarded,

    /// <summary>The awarded project is being delivered.</summary>
    InDelivery,

    /// <summary>The project delivered its outcomes.</summary>
    Completed,

    /// <summary>Withdrawn by the department before an award.</summary>
    Cancelled,

    /// <summary>No proposal could be awarded.</summary>
    Unsuccessful,
}
