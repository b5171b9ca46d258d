using Marketplace.Contracts.Catalogue;
using Marketplace.ServiceDefaults.Auditing;
using Marketplace.ServiceDefaults.Errors;
using Marketplace.ServiceDefaults.Localization;

namespace Marketplace.Catalogue.Domain;

public enum BatchStatus
{
    /// <summary>Departments submit scenarios to it; administrators approve them.</summary>
    Open,

    /// <summary>Its approved scenarios were published together.</summary>
    Published,
}

/// <summary>A numbered list of scenarios published together ("2026 Batch 1"), like Shenzhen's "City + AI" lists.</summary>
public sealed class Batch : IAudited
{
    public static readonly LocalizedText AlreadyPublished = new("Batch {0} has already been published.", "批次 {0} 已經發布。");
    public static readonly LocalizedText NothingApproved = new(
        "Batch {0} has no approved scenario; approve at least one before publishing.", "批次 {0} 沒有已批准的情境；請先批准最少一個情境再發布。");

    private Batch()
    {
    }

    public Guid Id { get; private set; }

    public int Year { get; private set; }

    public int Number { get; private set; }

    public string NameEn { get; private set; } = "";

    public string NameZh { get; private set; } = "";

    public string DescriptionEn { get; private set; } = "";

    public string DescriptionZh { get; private set; } = "";

    /// <summary>The proposal deadline every scenario of the batch gets when it is published.</summary>
    public DateTimeOffset ProposalDeadline { get; private set; }

    public BatchStatus Status { get; private set; }

    public DateTimeOffset CreatedAt { get; private set; }

    public DateTimeOffset? PublishedAt { get; private set; }

    public int Version { get; private set; }

    /// <summary>The stable code, e.g. 2026-B1.</summary>
    public string Code => $"{Year}-B{Number}";

    public string AuditId => Id.ToString();

    public static Batch Create(int year, int number, string descriptionEn, string descriptionZh, DateTimeOffset proposalDeadline, DateTimeOffset now, Guid? id = null) => new()
    {
        Id = id ?? Guid.NewGuid(),
        Year = year,
        Number = number,
        NameEn = $"{year} Batch {number}",
        NameZh = $"{year}年第{ChineseNumber(number)}批",
        DescriptionEn = descriptionEn.Trim(),
        DescriptionZh = descriptionZh.Trim(),
        ProposalDeadline = proposalDeadline,
        Status = BatchStatus.Open,
        CreatedAt = now,
    };

    /// <summary>An open batch's descriptions and deadline may change; its year and number are its code and never do.</summary>
    public void Revise(string descriptionEn, string descriptionZh, DateTimeOffset proposalDeadline)
    {
        EnsureOpen();
        DescriptionEn = descriptionEn.Trim();
        DescriptionZh = descriptionZh.Trim();
        ProposalDeadline = proposalDeadline;
        Version++;
    }

    /// <summary>Publishes the approved scenarios of this batch with its deadline; the others stay submitted for a later batch.</summary>
    public (IReadOnlyList<ScenarioPublished> Published, BatchPublished Event) Publish(
        IReadOnlyList<Scenario> approved, DateTimeOffset now, TimeSpan minimumProposalPeriod)
    {
        EnsureOpen();
        if (approved.Count == 0)
        {
            throw new DomainRuleException("batch-empty", NothingApproved.Format(Code));
        }
        if (ScenarioRules.CheckDeadline(ProposalDeadline, now, minimumProposalPeriod) is { } problem)
        {
            throw new DomainRuleException("deadline-out-of-range", problem);
        }
        var events = approved.Select(s => s.Publish(ProposalDeadline, now, minimumProposalPeriod)).ToList();
        Status = BatchStatus.Published;
        PublishedAt = now;
        Version++;
        return (events, new BatchPublished(Id, Code, NameEn, NameZh, approved.Select(s => s.Id).ToList(), now));
    }

    private void EnsureOpen()
    {
        if (Status != BatchStatus.Open)
        {
            throw new DomainRuleException("batch-published", AlreadyPublished.Format(Code));
        }
    }

    private static string ChineseNumber(int n) => n switch
    {
        >= 1 and <= 10 => "一二三四五六七八九十"[n - 1].ToString(),
        _ => n.ToString(System.Globalization.CultureInfo.InvariantCulture),
    };
}
