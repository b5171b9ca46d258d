using Marketplace.Contracts.Catalogue;
using Marketplace.ServiceDefaults.Auditing;

namespace Marketplace.Catalogue.Domain;

/// <summary>
/// A government department's AI application scenario. The entity owns its lifecycle: each
/// transition checks the current status and returns the event that announces it.
/// </summary>
public sealed class Scenario : IAudited
{
    private Scenario()
    {
    }

    public Guid Id { get; private set; }

    public Guid DepartmentId { get; private set; }

    public ScenarioStatus Status { get; private set; }

    public string TitleEn { get; private set; } = "";

    public string TitleZh { get; private set; } = "";

    public string ProblemEn { get; private set; } = "";

    public string ProblemZh { get; private set; } = "";

    public string ExpectedOutcomesEn { get; private set; } = "";

    public string ExpectedOutcomesZh { get; private set; } = "";

    public SmartCityArea Area { get; private set; }

    public string Sector { get; private set; } = "";

    public List<string> Capabilities { get; private set; } = [];

    public decimal BudgetMinHkd { get; private set; }

    public decimal BudgetMaxHkd { get; private set; }

    public DataResidency DataResidency { get; private set; }

    public int PilotDurationMonths { get; private set; }

    public List<string> TargetSchemes { get; private set; } = [];

    public DateTimeOffset CreatedAt { get; private set; }

    public DateTimeOffset UpdatedAt { get; private set; }

    public DateTimeOffset? PublishedAt { get; private set; }

    public DateTimeOffset? ProposalDeadline { get; private set; }

    public DateTimeOffset? ClosedAt { get; private set; }

    public string? ClosureReason { get; private set; }

    string IAudited.AuditId => Id.ToString();

    /// <summary>Optimistic concurrency: two officers saving at once cannot silently overwrite each other.</summary>
    public int Version { get; private set; }

    /// <param name="id">Only for importing scenarios whose id is already known (demo data, migrations from other systems).</param>
    public static Scenario CreateDraft(Guid departmentId, ScenarioDetails details, DateTimeOffset now, Guid? id = null)
    {
        EnsureValid(details);
        var scenario = new Scenario
        {
            Id = id ?? Guid.NewGuid(),
            DepartmentId = departmentId,
            Status = ScenarioStatus.Draft,
            CreatedAt = now,
        };
        scenario.Apply(details, now);
        return scenario;
    }

    public void Edit(ScenarioDetails details, DateTimeOffset now)
    {
        if (Status != ScenarioStatus.Draft)
        {
            throw ScenarioRules.Violation("scenario-not-draft", ScenarioRules.OnlyDraftsEditable);
        }
        EnsureValid(details);
        Apply(details, now);
    }

    public ScenarioPublished Publish(DateTimeOffset proposalDeadline, DateTimeOffset now, TimeSpan minimumProposalPeriod)
    {
        if (Status != ScenarioStatus.Draft)
        {
            throw ScenarioRules.Violation("scenario-not-draft", ScenarioRules.OnlyDraftsPublishable.Format(ScenarioRules.StatusNames[Status].En));
        }
        if (ScenarioRules.CheckDeadline(proposalDeadline, now, minimumProposalPeriod) is { } problem)
        {
            throw ScenarioRules.Violation("deadline-out-of-range", problem);
        }
        Status = ScenarioStatus.Published;
        PublishedAt = now;
        ProposalDeadline = proposalDeadline;
        Touch(now);
        return new ScenarioPublished(
            Id, DepartmentId, TitleEn, TitleZh, Area.ToString(), Sector, [.. Capabilities],
            BudgetMinHkd, BudgetMaxHkd, proposalDeadline, now);
    }

    public ScenarioClosed Close(string reason, DateTimeOffset now)
    {
        if (Status != ScenarioStatus.Published)
        {
            throw ScenarioRules.Violation("scenario-not-published", ScenarioRules.OnlyPublishedClosable.Format(ScenarioRules.StatusNames[Status].En));
        }
        Status = ScenarioStatus.Closed;
        ClosedAt = now;
        ClosureReason = reason;
        Touch(now);
        return new ScenarioClosed(Id, DepartmentId, reason, now);
    }

    public ScenarioDetails Details() => new(
        TitleEn, TitleZh, ProblemEn, ProblemZh, ExpectedOutcomesEn, ExpectedOutcomesZh, Area, Sector,
        Capabilities, BudgetMinHkd, BudgetMaxHkd, DataResidency, PilotDurationMonths, TargetSchemes);

    private static void EnsureValid(ScenarioDetails details)
    {
        var errors = details.Check();
        if (!errors.IsValid)
        {
            // Handlers validate first and answer 400; reaching this is a programming error.
            throw new ArgumentException($"Invalid scenario details: {string.Join(", ", errors.Fields)}", nameof(details));
        }
    }

    private void Apply(ScenarioDetails d, DateTimeOffset now)
    {
        TitleEn = d.TitleEn.Trim();
        TitleZh = d.TitleZh.Trim();
        ProblemEn = d.ProblemEn.Trim();
        ProblemZh = d.ProblemZh.Trim();
        ExpectedOutcomesEn = d.ExpectedOutcomesEn.Trim();
        ExpectedOutcomesZh = d.ExpectedOutcomesZh.Trim();
        Area = d.Area;
        Sector = d.Sector;
        Capabilities = [.. d.Capabilities];
        BudgetMinHkd = d.BudgetMinHkd;
        BudgetMaxHkd = d.BudgetMaxHkd;
        DataResidency = d.DataResidency;
        PilotDurationMonths = d.PilotDurationMonths;
        TargetSchemes = [.. d.TargetSchemes];
        Touch(now);
    }

    private void Touch(DateTimeOffset now)
    {
        UpdatedAt = now;
        Version++;
    }
}
