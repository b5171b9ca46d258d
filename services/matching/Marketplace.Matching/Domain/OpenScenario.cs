using Marketplace.Contracts.Catalogue;
using Marketplace.Contracts.Identity;
using Marketplace.Contracts.Matching;
using Marketplace.ServiceDefaults.Errors;
using Marketplace.ServiceDefaults.Localization;

namespace Marketplace.Matching.Domain;

/// <summary>
/// Matching's read model of a catalogue scenario, built only from catalogue events. Events may
/// arrive twice or out of order: a closure seen before the publication leaves a closed record that
/// the late publication does not reopen.
/// </summary>
public sealed class OpenScenario
{
    public static readonly LocalizedText CancelledStaysSealed = new(
        "The scenario was cancelled; its proposals are never opened.", "此情境已取消，其建議書永不開啟。");

    private OpenScenario()
    {
    }

    public Guid ScenarioId { get; private set; }

    public Guid DepartmentId { get; private set; }

    public string TitleEn { get; private set; } = "";

    public string TitleZh { get; private set; } = "";

    public string ProblemEn { get; private set; } = "";

    public string ProblemZh { get; private set; } = "";

    /// <summary>The latest amendment applied; an older amendment arriving late changes nothing.</summary>
    public int AmendmentNumber { get; private set; }

    public string Area { get; private set; } = "";

    public string Sector { get; private set; } = "";

    public List<string> Capabilities { get; private set; } = [];

    public decimal BudgetMinHkd { get; private set; }

    public decimal BudgetMaxHkd { get; private set; }

    public DateTimeOffset? ProposalDeadline { get; private set; }

    public DateTimeOffset? PublishedAt { get; private set; }

    public DateTimeOffset? ClosedAt { get; private set; }

    public bool IsOpen => PublishedAt is not null && ClosedAt is null;

    /// <summary>Counts the changes that matter for matching; strong-match notices are due while it is ahead of <see cref="MatchedRevision"/>.</summary>
    public int MatchRevision { get; private set; }

    /// <summary>The revision the last strong-match pass looked at.</summary>
    public int MatchedRevision { get; private set; }

    public static OpenScenario Known(Guid scenarioId, Guid departmentId) => new() { ScenarioId = scenarioId, DepartmentId = departmentId };

    public void Published(string titleEn, string titleZh, string problemEn, string problemZh, string area, string sector, IEnumerable<string> capabilities,
        decimal budgetMinHkd, decimal budgetMaxHkd, DateTimeOffset deadline, DateTimeOffset publishedAt)
    {
        if (AmendmentNumber > 0)
        {
            // An amendment got here first; it carries the newer content.
            PublishedAt ??= publishedAt;
            ProblemEn = ProblemEn.Length == 0 ? problemEn : ProblemEn;
            ProblemZh = ProblemZh.Length == 0 ? problemZh : ProblemZh;
            MatchRevision++;
            return;
        }
        TitleEn = titleEn;
        TitleZh = titleZh;
        ProblemEn = problemEn;
        ProblemZh = problemZh;
        Area = area;
        Sector = sector;
        Capabilities = [.. capabilities];
        BudgetMinHkd = budgetMinHkd;
        BudgetMaxHkd = budgetMaxHkd;
        ProposalDeadline = deadline;
        PublishedAt = publishedAt;
        MatchRevision++;
    }

    /// <summary>Applies an amendment; false when it is not newer than the one already applied.</summary>
    public bool Amended(int number, string titleEn, string titleZh, IEnumerable<string> capabilities, decimal budgetMinHkd, decimal budgetMaxHkd, DateTimeOffset deadline)
    {
        if (number <= AmendmentNumber)
        {
            return false;
        }
        AmendmentNumber = number;
        TitleEn = titleEn;
        TitleZh = titleZh;
        Capabilities = [.. capabilities];
        BudgetMinHkd = budgetMinHkd;
        BudgetMaxHkd = budgetMaxHkd;
        ProposalDeadline = deadline;
        MatchRevision++;
        return true;
    }

    /// <summary>Cancelled by the department (not closed by its deadline): its proposals are never opened.</summary>
    public bool Cancelled { get; private set; }

    /// <summary>When the submitted proposals were opened to the department (after the deadline).</summary>
    public DateTimeOffset? ProposalsOpenedAt { get; private set; }

    /// <summary>A cancellation is final: a later closure of another kind does not make the proposals openable again.</summary>
    public void Closed(ScenarioClosureKind kind, DateTimeOffset closedAt)
    {
        ClosedAt ??= closedAt;
        Cancelled |= kind == ScenarioClosureKind.Cancelled;
    }

    /// <summary>Opens the counting proposals; each whose content no longer matches its receipt becomes an integrity incident.</summary>
    public (ProposalsOpened Opened, IReadOnlyList<IntegrityIncident> Incidents) OpenProposals(
        IReadOnlyList<Proposal> submitted, IReadOnlyDictionary<Guid, SizeClass?> bidderSizes, DateTimeOffset now)
    {
        if (Cancelled)
        {
            throw new DomainRuleException("scenario-cancelled", CancelledStaysSealed);
        }
        var deadline = ProposalDeadline ?? throw new InvalidOperationException($"Scenario {ScenarioId} has no deadline to open its proposals at.");
        var incidents = submitted.Where(p => !p.Open(now, deadline)).Select(p => IntegrityIncident.ReceiptMismatch(p, DepartmentId, now)).ToList();
        ProposalsOpenedAt = now;
        var bidders = submitted.Select(p => p.VendorOrganisationId).Distinct().Select(v => bidderSizes.GetValueOrDefault(v)).ToList();
        return (new ProposalsOpened(ScenarioId, DepartmentId, submitted.Count, submitted.Count - incidents.Count, now,
            bidders.Count(s => s == SizeClass.Startup), bidders.Count(s => s == SizeClass.SME)), incidents);
    }
}
