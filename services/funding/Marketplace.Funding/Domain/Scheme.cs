using Marketplace.ServiceDefaults.Auditing;

namespace Marketplace.Funding.Domain;

/// <summary>
/// A funding scheme of a funding body: bilingual name and description, its rules, the criteria
/// assessors score, how many assessors each application needs, and its application window.
/// </summary>
public sealed class Scheme : IAudited
{
    private Scheme()
    {
    }

    public Scheme(Guid id, Guid fundingBodyId, SchemeContent content)
    {
        Id = id;
        FundingBodyId = fundingBodyId;
        Apply(content);
    }

    public Guid Id { get; private set; }

    /// <summary>The scheme's code in the catalogue's taxonomy (TVP, AISS, PSTS): a scenario's target schemes name it.</summary>
    public string Code { get; private set; } = "";

    public Guid FundingBodyId { get; private set; }

    public string NameEn { get; private set; } = "";

    public string NameZh { get; private set; } = "";

    public string DescriptionEn { get; private set; } = "";

    public string DescriptionZh { get; private set; } = "";

    public SchemeRules Rules { get; private set; } = null!;

    public List<AssessmentCriterion> Criteria { get; private set; } = [];

    public int AssessorCount { get; private set; }

    public DateTimeOffset OpensAt { get; private set; }

    public DateTimeOffset ClosesAt { get; private set; }

    public Guid Version { get; private set; }

    public string AuditId => Id.ToString();

    public bool IsOpenAt(DateTimeOffset at) => OpensAt <= at && at < ClosesAt;

    public void Apply(SchemeContent c)
    {
        (Code, NameEn, NameZh, DescriptionEn, DescriptionZh) = (c.Code, c.NameEn, c.NameZh, c.DescriptionEn, c.DescriptionZh);
        (Rules, Criteria, AssessorCount, OpensAt, ClosesAt) = (c.Rules, [.. c.Criteria], c.AssessorCount, c.OpensAt, c.ClosesAt);
        Version = Guid.NewGuid();
    }
}

/// <summary>Everything an officer sets on a scheme.</summary>
public sealed record SchemeContent(
    string Code,
    string NameEn,
    string NameZh,
    string DescriptionEn,
    string DescriptionZh,
    SchemeRules Rules,
    IReadOnlyList<AssessmentCriterion> Criteria,
    int AssessorCount,
    DateTimeOffset OpensAt,
    DateTimeOffset ClosesAt);
