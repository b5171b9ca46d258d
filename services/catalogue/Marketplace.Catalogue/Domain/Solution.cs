using Marketplace.Contracts.Catalogue;
using Marketplace.ServiceDefaults.Auditing;
using Marketplace.ServiceDefaults.Errors;
using Marketplace.ServiceDefaults.Localization;

namespace Marketplace.Catalogue.Domain;

public enum SolutionStatus
{
    Draft,
    Published,
    Withdrawn,
}

/// <summary>Where a solution is already in use: the client, the year and what it does there.</summary>
public sealed record DeploymentReference(string ClientEn, string ClientZh, int Year, string DescriptionEn, string DescriptionZh);

public sealed record SolutionContent(
    string NameEn, string NameZh, string SummaryEn, string SummaryZh, string DescriptionEn, string DescriptionZh,
    IReadOnlyList<string> Capabilities, IReadOnlyList<string> Sectors, IReadOnlyList<DeploymentReference> DeploymentReferences);

/// <summary>A vendor's product or solution in its showcase; published ones are public and feed matching.</summary>
public sealed class Solution : IAudited
{
    public static readonly LocalizedText Withdrawn = new("This solution was withdrawn; create a new one.", "此方案已撤回；請另行建立。");

    private Solution()
    {
    }

    public Guid Id { get; private set; }

    public Guid VendorOrganisationId { get; private set; }

    public string NameEn { get; private set; } = "";

    public string NameZh { get; private set; } = "";

    public string SummaryEn { get; private set; } = "";

    public string SummaryZh { get; private set; } = "";

    public string DescriptionEn { get; private set; } = "";

    public string DescriptionZh { get; private set; } = "";

    public List<string> Capabilities { get; private set; } = [];

    public List<string> Sectors { get; private set; } = [];

    public List<DeploymentReference> DeploymentReferences { get; private set; } = [];

    public SolutionStatus Status { get; private set; }

    public DateTimeOffset CreatedAt { get; private set; }

    public DateTimeOffset UpdatedAt { get; private set; }

    public DateTimeOffset? PublishedAt { get; private set; }

    public int Version { get; private set; }

    public string AuditId => Id.ToString();

    public static Solution Create(Guid vendorOrganisationId, SolutionContent content, DateTimeOffset now, Guid? id = null)
    {
        var solution = new Solution { Id = id ?? Guid.NewGuid(), VendorOrganisationId = vendorOrganisationId, Status = SolutionStatus.Draft, CreatedAt = now };
        solution.Apply(content, now);
        return solution;
    }

    /// <summary>Edits apply at once; a published solution is announced again so matching sees the change.</summary>
    public SolutionPublished? Edit(SolutionContent content, DateTimeOffset now)
    {
        EnsureNotWithdrawn();
        Apply(content, now);
        return Status == SolutionStatus.Published ? Announce(now) : null;
    }

    public SolutionPublished Publish(DateTimeOffset now)
    {
        EnsureNotWithdrawn();
        Status = SolutionStatus.Published;
        PublishedAt ??= now;
        Version++;
        return Announce(now);
    }

    public void Withdraw(DateTimeOffset now)
    {
        EnsureNotWithdrawn();
        Status = SolutionStatus.Withdrawn;
        UpdatedAt = now;
        Version++;
    }

    private SolutionPublished Announce(DateTimeOffset now) =>
        new(Id, VendorOrganisationId, NameEn, NameZh, SummaryEn, SummaryZh, [.. Capabilities], [.. Sectors], now);

    private void EnsureNotWithdrawn()
    {
        if (Status == SolutionStatus.Withdrawn)
        {
            throw new DomainRuleException("solution-withdrawn", Withdrawn);
        }
    }

    private void Apply(SolutionContent c, DateTimeOffset now)
    {
        NameEn = c.NameEn.Trim();
        NameZh = c.NameZh.Trim();
        SummaryEn = c.SummaryEn.Trim();
        SummaryZh = c.SummaryZh.Trim();
        DescriptionEn = c.DescriptionEn.Trim();
        DescriptionZh = c.DescriptionZh.Trim();
        Capabilities = [.. c.Capabilities];
        Sectors = [.. c.Sectors];
        DeploymentReferences = [.. c.DeploymentReferences];
        UpdatedAt = now;
        Version++;
    }
}
