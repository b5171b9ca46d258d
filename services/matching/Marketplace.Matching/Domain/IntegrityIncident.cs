using Marketplace.ServiceDefaults.Auditing;
using Marketplace.ServiceDefaults.Localization;

namespace Marketplace.Matching.Domain;

public enum IntegrityIncidentKind
{
    /// <summary>At opening, the stored content no longer hashed to the receipt the vendor was given.</summary>
    ReceiptMismatch,
}

/// <summary>
/// A flagged breach of the sealed-bid promise, kept for the scenario's department and the
/// administrators (and audited): the proposal concerned cannot be awarded.
/// </summary>
public sealed class IntegrityIncident : IAudited
{
    public static readonly LocalizedText ReceiptMismatchText = new(
        "At opening ({0} Hong Kong time) the stored content of this proposal no longer matched the receipt its vendor was given; it cannot be awarded.",
        "於香港時間 {0} 開啟時，此建議書的儲存內容與供應商所獲收據不符；不能獲判授。");

    private IntegrityIncident()
    {
    }

    public Guid Id { get; private set; }

    public IntegrityIncidentKind Kind { get; private set; }

    public Guid ScenarioId { get; private set; }

    public Guid DepartmentId { get; private set; }

    public Guid ProposalId { get; private set; }

    public Guid VendorOrganisationId { get; private set; }

    /// <summary>The hash on the vendor's receipt.</summary>
    public string ReceiptHash { get; private set; } = "";

    /// <summary>The hash of the content found at opening (a hash, so nothing sealed is shown).</summary>
    public string OpenedHash { get; private set; } = "";

    public DateTimeOffset DetectedAt { get; private set; }

    public string AuditId => Id.ToString();

    public LocalizedText Description => Kind switch
    {
        IntegrityIncidentKind.ReceiptMismatch => ReceiptMismatchText.Format(HongKongTime.Format(DetectedAt)),
        _ => throw new InvalidOperationException($"No description for {Kind}."),
    };

    public static IntegrityIncident ReceiptMismatch(Proposal proposal, Guid departmentId, DateTimeOffset now) => new()
    {
        Id = Guid.NewGuid(),
        Kind = IntegrityIncidentKind.ReceiptMismatch,
        ScenarioId = proposal.ScenarioId,
        DepartmentId = departmentId,
        ProposalId = proposal.Id,
        VendorOrganisationId = proposal.VendorOrganisationId,
        ReceiptHash = proposal.ReceiptHash ?? "",
        OpenedHash = Proposal.Hash(proposal.Content()),
        DetectedAt = now,
    };
}
