using Marketplace.Contracts.Identity;

namespace Marketplace.Matching.Domain;

/// <summary>
/// Matching's read model of a vendor organisation (from the identity service's events): its names,
/// size class and whether it may bid. Details and status are kept apart, each newest-wins, because
/// the approval may be consumed before the registration.
/// </summary>
public sealed class VendorProfile
{
    private VendorProfile()
    {
    }

    public VendorProfile(Guid id) => Id = id;

    public Guid Id { get; private set; }

    public string NameEn { get; private set; } = "";

    public string NameZh { get; private set; } = "";

    public SizeClass? SizeClass { get; private set; }

    public DateTimeOffset DetailsAsOf { get; private set; }

    /// <summary>Null until the first of the vendor's registration or status events arrives.</summary>
    public OrganisationStatus? Status { get; private set; }

    public DateTimeOffset StatusAsOf { get; private set; }

    /// <summary>Concurrent consumers of one vendor's events: the later commit retries and re-reads.</summary>
    public Guid Version { get; private set; }

    public bool IsActive => Status == OrganisationStatus.Approved;

    /// <summary>Counts changes that matter for matching (details, status, showcase); strong-match notices are due while it is ahead of <see cref="MatchedRevision"/>.</summary>
    public int MatchRevision { get; private set; }

    /// <summary>The revision the last strong-match pass looked at.</summary>
    public int MatchedRevision { get; private set; }

    /// <summary>A showcase solution of this vendor was published or changed.</summary>
    public void SolutionsChanged()
    {
        MatchRevision++;
        Version = Guid.NewGuid();
    }

    public void Apply(string nameEn, string nameZh, SizeClass? sizeClass, OrganisationStatus status, DateTimeOffset asOf)
    {
        if (asOf >= DetailsAsOf || NameEn.Length == 0)
        {
            NameEn = nameEn;
            NameZh = nameZh;
            SizeClass = sizeClass;
            DetailsAsOf = asOf > DetailsAsOf ? asOf : DetailsAsOf;
        }
        SetStatus(status, asOf);
    }

    public void Approved(DateTimeOffset at) => SetStatus(OrganisationStatus.Approved, at);

    private void SetStatus(OrganisationStatus status, DateTimeOffset asOf)
    {
        if (asOf >= StatusAsOf || Status is null)
        {
            Status = status;
            StatusAsOf = asOf > StatusAsOf ? asOf : StatusAsOf;
        }
        MatchRevision++;
        Version = Guid.NewGuid();
    }
}

/// <summary>A published showcase solution (SolutionPublished): what the vendor says it can do.</summary>
public sealed class VendorSolution
{
    private VendorSolution()
    {
    }

    public VendorSolution(Guid solutionId, Guid vendorId) => (SolutionId, VendorId) = (solutionId, vendorId);

    public Guid SolutionId { get; private set; }

    public Guid VendorId { get; private set; }

    public List<string> Capabilities { get; private set; } = [];

    public List<string> Sectors { get; private set; } = [];

    /// <summary>Search tokens of the solution's names and summaries in both languages.</summary>
    public string Tokens { get; private set; } = "";

    public DateTimeOffset PublishedAt { get; private set; }

    public void Apply(IEnumerable<string> capabilities, IEnumerable<string> sectors, string tokens, DateTimeOffset publishedAt)
    {
        if (publishedAt < PublishedAt)
        {
            return;
        }
        Capabilities = [.. capabilities];
        Sectors = [.. sectors];
        Tokens = tokens;
        PublishedAt = publishedAt;
    }
}

/// <summary>A project a vendor was awarded (ProjectAwarded), and whether it completed or the award was cancelled.</summary>
public sealed class VendorProject
{
    private VendorProject()
    {
    }

    public VendorProject(Guid projectId, Guid vendorId, Guid scenarioId, string sector, DateTimeOffset awardedAt) =>
        (ProjectId, VendorId, ScenarioId, Sector, AwardedAt) = (projectId, vendorId, scenarioId, sector, awardedAt);

    public Guid ProjectId { get; private set; }

    public Guid VendorId { get; private set; }

    public Guid ScenarioId { get; private set; }

    public string Sector { get; private set; } = "";

    public DateTimeOffset AwardedAt { get; private set; }

    public DateTimeOffset? CompletedAt { get; private set; }

    public DateTimeOffset? CancelledAt { get; private set; }

    public void Completed(DateTimeOffset at) => CompletedAt ??= at;

    public void Cancelled(DateTimeOffset at) => CancelledAt ??= at;
}

/// <summary>A published success case the vendor delivered (SuccessCasePublished).</summary>
public sealed class VendorSuccessCase
{
    private VendorSuccessCase()
    {
    }

    public VendorSuccessCase(Guid id, Guid vendorId, string sector) => (Id, VendorId, Sector) = (id, vendorId, sector);

    public Guid Id { get; private set; }

    public Guid VendorId { get; private set; }

    public string Sector { get; private set; } = "";
}
