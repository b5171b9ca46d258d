namespace Marketplace.OpenData.Domain;

/// <summary>
/// A funding application's project and scenario, funder and grant, from its decision, for its milestone and payment
/// events. A milestone or payment that arrives first leaves an undecided link (and its event waits); both sides
/// change this row, so its version makes the decision and a late-waiting event conflict instead of missing each other.
/// </summary>
public sealed class ApplicationLink
{
    private ApplicationLink()
    {
    }

    public Guid ApplicationId { get; private set; }

    /// <summary>False while only milestones or payments of the application are known.</summary>
    public bool Decided { get; private set; }

    public Guid? ProjectId { get; private set; }

    /// <summary>Null for an application a vendor opened outside any scenario: nothing procured, nothing to publish.</summary>
    public Guid? ScenarioId { get; private set; }

    public Guid? FundingBodyId { get; private set; }

    public string SchemeCode { get; private set; } = "";

    public decimal GrantHkd { get; private set; }

    public DateTimeOffset? DecidedAt { get; private set; }

    /// <summary>Everything paid on the grant so far (the newest payment's running total).</summary>
    public decimal PaidHkd { get; private set; }

    public int Version { get; private set; }

    public static ApplicationLink Awaiting(Guid applicationId) => new() { ApplicationId = applicationId };

    public void Decide(Guid? projectId, Guid? scenarioId, Guid? fundingBodyId, string schemeCode, decimal grantHkd, DateTimeOffset decidedAt)
    {
        (Decided, ProjectId, ScenarioId, FundingBodyId, SchemeCode, GrantHkd, DecidedAt) = (true, projectId, scenarioId, fundingBodyId, schemeCode, grantHkd, decidedAt);
        Version++;
    }

    /// <summary>
    /// A payment's running total; payments may arrive in any order, so the largest total is the one paid so far. It
    /// changes the version too: two payments consumed at once conflict and the later retries, instead of the smaller
    /// total overwriting the larger.
    /// </summary>
    public void Paid(decimal totalPaidHkd)
    {
        if (totalPaidHkd > PaidHkd)
        {
            PaidHkd = totalPaidHkd;
            Version++;
        }
    }

    /// <summary>An event now waits for the decision: changes the row so a decision being saved at the same time conflicts.</summary>
    public void Waited() => Version++;
}
