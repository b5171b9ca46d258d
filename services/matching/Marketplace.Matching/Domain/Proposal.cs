using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Marketplace.Contracts.Matching;
using Marketplace.ServiceDefaults.Auditing;
using Marketplace.ServiceDefaults.Errors;
using Marketplace.ServiceDefaults.Localization;

namespace Marketplace.Matching.Domain;

public enum ProposalStatus
{
    Draft,
    Submitted,
    Withdrawn,
}

/// <summary>A role in the proposed team: skill, seniority (one of <see cref="Seniorities"/>) and the named talent where known.</summary>
public sealed record ProposedRole(string Skill, string Seniority, Guid? TalentId)
{
    /// <summary>A team larger than this is not a proposal but noise; real bids name a handful of roles.</summary>
    public const int MaxTeamRoles = 50;

    public static readonly IReadOnlyList<string> Seniorities = ["Junior", "Mid", "Senior", "Lead", "Principal"];

    public static readonly LocalizedText TooMany = new(
        "'teamRoles' may list at most 50 roles.", "「teamRoles」最多可列 50 個角色。");

    /// <summary>The documented spelling of a seniority (matched case-insensitively), or null when it is not one.</summary>
    public static string? KnownSeniority(string? value) =>
        Seniorities.FirstOrDefault(s => string.Equals(s, value?.Trim(), StringComparison.OrdinalIgnoreCase));
}

/// <summary>What a vendor proposes; its canonical JSON is what the receipt hash covers.</summary>
public sealed record ProposalContent(
    string Approach, decimal PriceHkd, int DurationMonths, bool DataResidencyCompliant, string SupportLevel, IReadOnlyList<ProposedRole> TeamRoles);

/// <summary>
/// A sealed proposal. Only its author's organisation sees it until the deadline; on submission the
/// vendor receives a receipt (SHA-256 of the canonical content and the time); at opening the stored
/// content is verified against that receipt. After an amendment of the scenario a submitted proposal
/// must be reconfirmed to count.
/// </summary>
public sealed class Proposal : IAudited
{
    public static readonly LocalizedText DeadlinePassed = new(
        "The proposal deadline passed at {0} (Hong Kong time); proposals can no longer be submitted, changed or withdrawn.",
        "提交建議書的截止時間已於香港時間 {0} 屆滿；不能再提交、更改或撤回建議書。");
    public static readonly LocalizedText NotSubmitted = new("Only a submitted proposal can be withdrawn or reconfirmed.", "只可撤回或重新確認已提交的建議書。");
    public static readonly LocalizedText OnlySubmittedOpen = new("Only a submitted proposal can be opened.", "只可開啟已提交的建議書。");
    public static readonly LocalizedText NotBeforeDeadline = new(
        "Proposals open only once the deadline ({0} Hong Kong time) has passed.", "建議書須待截止時間（香港時間 {0}）過後方可開啟。");
    public static readonly LocalizedText AlreadySubmitted = new(
        "This proposal is already submitted; change it to submit it again.", "此建議書已經提交；如需再次提交，請先作出更改。");

    private static readonly JsonSerializerOptions s_canonical = new(JsonSerializerDefaults.Web) { WriteIndented = false };

    private Proposal()
    {
    }

    public Guid Id { get; private set; }

    public Guid ScenarioId { get; private set; }

    public Guid VendorOrganisationId { get; private set; }

    public string AuthorUserId { get; private set; } = "";

    public ProposalStatus Status { get; private set; }

    public string Approach { get; private set; } = "";

    public decimal PriceHkd { get; private set; }

    public int DurationMonths { get; private set; }

    public bool DataResidencyCompliant { get; private set; }

    public string SupportLevel { get; private set; } = "";

    public List<ProposedRole> TeamRoles { get; private set; } = [];

    public DateTimeOffset CreatedAt { get; private set; }

    public DateTimeOffset UpdatedAt { get; private set; }

    public DateTimeOffset? SubmittedAt { get; private set; }

    public string? ReceiptHash { get; private set; }

    /// <summary>The scenario amendment the vendor last confirmed this proposal against.</summary>
    public int ConfirmedAmendment { get; private set; }

    public DateTimeOffset? OpenedAt { get; private set; }

    public bool? VerifiedAtOpening { get; private set; }

    public int Version { get; private set; }

    public string AuditId => Id.ToString();

    /// <summary>Content never enters the audit log: it is sealed until the deadline.</summary>
    public IReadOnlyCollection<string> RedactedProperties { get; } =
        [nameof(Approach), nameof(PriceHkd), nameof(DurationMonths), nameof(DataResidencyCompliant), nameof(SupportLevel), nameof(TeamRoles), nameof(ReceiptHash)];

    public bool Counts(int scenarioAmendment) => Status == ProposalStatus.Submitted && ConfirmedAmendment >= scenarioAmendment;

    public static Proposal Draft(Guid scenarioId, Guid vendor, string author, ProposalContent content, DateTimeOffset now, DateTimeOffset deadline)
    {
        EnsureBefore(deadline, now);
        var proposal = new Proposal { Id = Guid.NewGuid(), ScenarioId = scenarioId, VendorOrganisationId = vendor, AuthorUserId = author, CreatedAt = now };
        proposal.Apply(content, now);
        return proposal;
    }

    /// <summary>A change before the deadline turns a submitted proposal back into a draft: it must be submitted again.</summary>
    public void Edit(ProposalContent content, DateTimeOffset now, DateTimeOffset deadline)
    {
        EnsureBefore(deadline, now);
        Apply(content, now);
        Status = ProposalStatus.Draft;
        ReceiptHash = null;
        SubmittedAt = null;
    }

    public (string Hash, ProposalSubmitted Event) Submit(DateTimeOffset now, DateTimeOffset deadline, int scenarioAmendment)
    {
        EnsureBefore(deadline, now);
        if (Status == ProposalStatus.Submitted)
        {
            throw new DomainRuleException("proposal-already-submitted", AlreadySubmitted);
        }
        Status = ProposalStatus.Submitted;
        SubmittedAt = now;
        ReceiptHash = Hash(Content());
        ConfirmedAmendment = scenarioAmendment;
        Version++;
        return (ReceiptHash, new ProposalSubmitted(Id, ScenarioId, now));
    }

    public void Withdraw(DateTimeOffset now, DateTimeOffset deadline)
    {
        EnsureBefore(deadline, now);
        if (Status != ProposalStatus.Submitted)
        {
            throw new DomainRuleException("proposal-not-submitted", NotSubmitted);
        }
        Status = ProposalStatus.Withdrawn;
        UpdatedAt = now;
        Version++;
    }

    /// <summary>The vendor confirms its submitted proposal still stands after the scenario's latest amendment.</summary>
    public void Reconfirm(int scenarioAmendment, DateTimeOffset now, DateTimeOffset deadline)
    {
        EnsureBefore(deadline, now);
        if (Status != ProposalStatus.Submitted)
        {
            throw new DomainRuleException("proposal-not-submitted", NotSubmitted);
        }
        ConfirmedAmendment = scenarioAmendment;
        UpdatedAt = now;
        Version++;
    }

    /// <summary>
    /// At the deadline: the stored content must still hash to the receipt the vendor holds. Only a
    /// submitted proposal opens, and never before its scenario's deadline.
    /// </summary>
    public bool Open(DateTimeOffset now, DateTimeOffset deadline)
    {
        if (Status != ProposalStatus.Submitted)
        {
            throw new DomainRuleException("proposal-not-submitted", OnlySubmittedOpen);
        }
        if (now < deadline)
        {
            throw new DomainRuleException("deadline-not-passed", NotBeforeDeadline.Format(HongKongTime.Format(deadline)));
        }
        OpenedAt ??= now;
        VerifiedAtOpening = ReceiptHash is not null && CryptographicOperations.FixedTimeEquals(
            Encoding.ASCII.GetBytes(Hash(Content())), Encoding.ASCII.GetBytes(ReceiptHash));
        Version++;
        return VerifiedAtOpening.Value;
    }

    public ProposalContent Content() => new(Approach, PriceHkd, DurationMonths, DataResidencyCompliant, SupportLevel, TeamRoles);

    /// <summary>
    /// SHA-256 (hex) of the canonical JSON: camelCase names in declaration order, no whitespace, the
    /// price with exactly two decimals (databases differ in the scale they return).
    /// </summary>
    public static string Hash(ProposalContent content) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(JsonSerializer.Serialize(
            content with { PriceHkd = decimal.Round(content.PriceHkd, 2) + 0.00m }, s_canonical))));

    private static void EnsureBefore(DateTimeOffset deadline, DateTimeOffset now)
    {
        if (now >= deadline)
        {
            throw new DomainRuleException("deadline-passed", DeadlinePassed.Format(HongKongTime.Format(deadline)));
        }
    }

    private void Apply(ProposalContent c, DateTimeOffset now)
    {
        Approach = c.Approach.Trim();
        PriceHkd = c.PriceHkd;
        DurationMonths = c.DurationMonths;
        DataResidencyCompliant = c.DataResidencyCompliant;
        SupportLevel = c.SupportLevel.Trim();
        TeamRoles = [.. c.TeamRoles];
        UpdatedAt = now;
        Version++;
    }
}
