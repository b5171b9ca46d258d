using Marketplace.Contracts.Matching;
using Marketplace.ServiceDefaults.Auditing;
using Marketplace.ServiceDefaults.Errors;
using Marketplace.ServiceDefaults.Localization;

namespace Marketplace.Matching.Domain;

/// <summary>The weights of a scenario's evaluation: integers summing to 100, quality at least 50 (Hong Kong's pro-innovation procurement guidance).</summary>
public sealed record CriteriaWeights(int Quality, int Price, int Innovation)
{
    public static readonly CriteriaWeights Default = new(60, 30, 10);

    public static readonly LocalizedText SumTo100 = new("The weights must sum to 100; they sum to {0}.", "權重總和必須為 100；目前為 {0}。");
    public static readonly LocalizedText QualityAtLeast50 = new("'quality' must weigh at least 50.", "「quality」的權重最少為 50。");
    public static readonly LocalizedText NotNegative = new("'{0}' must not be negative.", "「{0}」不可為負數。");

    public IEnumerable<(string Field, LocalizedText Problem)> Problems()
    {
        foreach (var (field, value) in new[] { ("quality", Quality), ("price", Price), ("innovation", Innovation) })
        {
            if (value < 0)
            {
                yield return (field, NotNegative.Format(field));
            }
        }
        if (Quality + Price + Innovation != 100)
        {
            yield return ("weights", SumTo100.Format(Quality + Price + Innovation));
        }
        if (Quality < 50)
        {
            yield return ("quality", QualityAtLeast50);
        }
    }
}

/// <summary>An evaluator's integer marks for one proposal (quality 0..weight, innovation 0..weight) and why.</summary>
public sealed record EvaluatorScore(string EvaluatorId, Guid ProposalId, int Quality, int Innovation, string Comment);

/// <summary>A proposal's place in the ranking: averaged evaluator marks plus the price score.</summary>
public sealed record RankedProposal(Guid ProposalId, decimal Quality, decimal Innovation, decimal Price, decimal Total, int Rank, bool TiedAtTop, int Evaluators);

/// <summary>
/// The department's evaluation of a scenario's opened proposals: weights, the assigned evaluators,
/// their conflict-of-interest declarations (made before they may see a proposal), their scores,
/// and the award with its standstill period.
/// </summary>
public sealed class Evaluation : IAudited
{
    public static readonly LocalizedText NotAnEvaluator = new("You are not an evaluator of this scenario.", "你並非此情境的評審。");
    public static readonly LocalizedText DeclareFirst = new(
        "Declare whether you have a conflict of interest with this proposal before seeing or scoring it.", "查閱或評分此建議書前，須先申報有否利益衝突。");
    public static readonly LocalizedText Conflicted = new(
        "You declared a conflict of interest with this proposal; you are excluded from it.", "你已就此建議書申報利益衝突，不能參與評審。");
    public static readonly LocalizedText AlreadyDeclared = new("Your declaration for this proposal is already recorded.", "你就此建議書的申報已經記錄。");
    public static readonly LocalizedText ScoringStarted = new(
        "Weights and evaluators cannot change once scoring has started.", "評分開始後不能更改權重及評審。");
    public static readonly LocalizedText AlreadyAwarded = new("This scenario has already been awarded.", "此情境已經判授。");
    public static readonly LocalizedText NotAwarded = new("This scenario has no award to cancel.", "此情境沒有可取消的判授。");
    public static readonly LocalizedText DeliveryUnderway = new(
        "Delivery of the awarded project started on {0} Hong Kong time; the award is a contract and can no longer be cancelled.",
        "已判授項目已於香港時間 {0} 開始推行；判授已成為合約，不能再取消。");
    public static readonly LocalizedText NotTheAward = new(
        "Delivery started for a project that is not this evaluation's award.", "開始推行的項目並非此評審的判授項目。");
    public static readonly LocalizedText StandstillOver = new(
        "The standstill period ended at {0} (Hong Kong time); the award can no longer be cancelled.", "停頓期已於香港時間 {0} 結束，不能再取消判授。");
    public static readonly LocalizedText OtherScenario = new("This proposal was made for another scenario.", "此建議書屬於另一情境。");
    public static readonly LocalizedText NotOpened = new(
        "Only a proposal opened at the deadline can be awarded; this one was not opened.", "只可判授於截止時開啟的建議書；此建議書未有開啟。");
    public static readonly LocalizedText NotCounting = new(
        "This proposal was withdrawn or did not count at the deadline; it cannot be awarded.", "此建議書已撤回或於截止時不獲計算，不能判授。");
    public static readonly LocalizedText ReceiptMismatch = new(
        "This proposal's content did not match its receipt at opening (an integrity incident); it cannot be awarded.",
        "此建議書開啟時內容與收據不符（完整性事故），不能判授。");
    public static readonly LocalizedText NotAnOfficer = new(
        "'{0}' is not an officer of this scenario's department; evaluators must be its officers.", "「{0}」並非此情境所屬部門的人員；評審必須為該部門人員。");

    private Evaluation()
    {
    }

    public Guid ScenarioId { get; private set; }

    public Guid DepartmentId { get; private set; }

    public int QualityWeight { get; private set; }

    public int PriceWeight { get; private set; }

    public int InnovationWeight { get; private set; }

    /// <summary>Rescale each evaluator's marks to their own highest mark per criterion (evens out harsh and lenient evaluators).</summary>
    public bool Normalise { get; private set; }

    public List<string> Evaluators { get; private set; } = [];

    public List<ConflictDeclaration> Declarations { get; private set; } = [];

    public List<EvaluatorScore> Scores { get; private set; } = [];

    public Guid? AwardedProposalId { get; private set; }

    public Guid? ProjectId { get; private set; }

    public string? AwardJustification { get; private set; }

    public DateTimeOffset? AwardedAt { get; private set; }

    public DateTimeOffset? StandstillEndsAt { get; private set; }

    public DateTimeOffset? AwardCancelledAt { get; private set; }

    /// <summary>When the catalogue started delivery of the awarded project (ScenarioDeliveryStarted): the award is a contract from then on.</summary>
    public DateTimeOffset? DeliveryStartedAt { get; private set; }

    public int Version { get; private set; }

    public string AuditId => ScenarioId.ToString();

    public CriteriaWeights Weights => new(QualityWeight, PriceWeight, InnovationWeight);

    public static Evaluation Start(Guid scenarioId, Guid departmentId) =>
        new() { ScenarioId = scenarioId, DepartmentId = departmentId, QualityWeight = 60, PriceWeight = 30, InnovationWeight = 10 };

    /// <summary>
    /// Sets the weights and the evaluators, who must be officers of this scenario's department by the
    /// identity facts matching holds (a vendor's user or another department's officer never evaluates).
    /// </summary>
    public void Configure(CriteriaWeights weights, IReadOnlyList<OrganisationMember> evaluators, bool normalise)
    {
        if (Scores.Count > 0)
        {
            throw new DomainRuleException("scoring-started", ScoringStarted);
        }
        if (weights.Problems().FirstOrDefault() is { Problem: { } problem })
        {
            throw new DomainRuleException("weights-invalid", problem);
        }
        if (evaluators.FirstOrDefault(e => !e.IsOfficerOf(DepartmentId)) is { } stranger)
        {
            throw new DomainRuleException("evaluator-not-an-officer", NotAnOfficer.Format(stranger.UserId));
        }
        (QualityWeight, PriceWeight, InnovationWeight) = (weights.Quality, weights.Price, weights.Innovation);
        // Tokens name people by their id in this form (the sub claim).
        Evaluators = evaluators.Select(e => e.UserId.ToString()).Distinct(StringComparer.Ordinal).ToList();
        Normalise = normalise;
        Version++;
    }

    /// <summary>Whether this person manages the evaluation: an organisation manager among the department's officers.</summary>
    public bool IsManagedBy(OrganisationMember? member) => member?.ManagesEvaluationsOf(DepartmentId) == true;

    public void Declare(string evaluatorId, Guid proposalId, bool conflict, string note, DateTimeOffset now)
    {
        EnsureEvaluator(evaluatorId);
        if (Declarations.Any(d => d.EvaluatorId == evaluatorId && d.ProposalId == proposalId))
        {
            throw new DomainRuleException("already-declared", AlreadyDeclared);
        }
        Declarations = [.. Declarations, new ConflictDeclaration(evaluatorId, proposalId, conflict, note.Trim(), now)];
        Version++;
    }

    /// <summary>Whether this evaluator may see the proposal's content: assigned, declared, not conflicted.</summary>
    public void EnsureMaySee(string evaluatorId, Guid proposalId)
    {
        if (ContentWithheldFrom(evaluatorId, proposalId) is { } withheld)
        {
            throw new DomainRuleException(withheld.Code, withheld.Reason);
        }
    }

    /// <summary>Why a proposal's content (and anything derived from its price) is withheld from this person; null when they may see it.</summary>
    public ContentWithheld? ContentWithheldFrom(string? userId, Guid proposalId)
    {
        if (userId is null || !Evaluators.Contains(userId))
        {
            return new ContentWithheld("not-an-evaluator", NotAnEvaluator);
        }
        var declaration = Declarations.FirstOrDefault(d => d.EvaluatorId == userId && d.ProposalId == proposalId);
        return declaration is null ? new ContentWithheld("declare-first", DeclareFirst)
            : declaration.Conflict ? new ContentWithheld("conflict-declared", Conflicted)
            : null;
    }

    public void Score(EvaluatorScore score)
    {
        EnsureMaySee(score.EvaluatorId, score.ProposalId);
        if (AwardedProposalId is not null)
        {
            throw new DomainRuleException("already-awarded", AlreadyAwarded);
        }
        // Marks are bounded by the weights; the handler names the field, this guards the invariant.
        if (score.Quality < 0 || score.Quality > QualityWeight || score.Innovation < 0 || score.Innovation > InnovationWeight)
        {
            throw new ArgumentOutOfRangeException(nameof(score), "Marks outside 0..weight.");
        }
        Scores = [.. Scores.Where(s => !(s.EvaluatorId == score.EvaluatorId && s.ProposalId == score.ProposalId)), score];
        Version++;
    }

    /// <summary>
    /// The ranking: for each proposal the mean of its evaluators' quality and innovation marks
    /// (optionally normalised per evaluator) plus the price score (lowest price ÷ this price × price
    /// weight). Totals are rounded to two decimals; equal totals at the top are flagged.
    /// </summary>
    public IReadOnlyList<RankedProposal> Rank(IReadOnlyDictionary<Guid, decimal> prices)
    {
        if (prices.Count == 0)
        {
            return [];
        }
        var lowest = prices.Values.Min();
        var marks = Normalise ? NormalisedScores() : Scores.Select(s => (s.ProposalId, Quality: (decimal)s.Quality, Innovation: (decimal)s.Innovation)).ToList();
        var rows = prices.Select(p =>
        {
            var mine = marks.Where(m => m.ProposalId == p.Key).ToList();
            var quality = mine.Count == 0 ? 0 : mine.Average(m => m.Quality);
            var innovation = mine.Count == 0 ? 0 : mine.Average(m => m.Innovation);
            var price = p.Value <= 0 ? 0 : lowest / p.Value * PriceWeight;
            var total = decimal.Round(quality + innovation + price, 2);
            return (p.Key, Quality: decimal.Round(quality, 2), Innovation: decimal.Round(innovation, 2), Price: decimal.Round(price, 2), Total: total, Count: mine.Count);
        }).OrderByDescending(r => r.Total).ThenBy(r => r.Key).ToList();
        var top = rows[0].Total;
        var tied = rows.Count(r => r.Total == top) > 1;
        return rows.Select((r, i) => new RankedProposal(r.Key, r.Quality, r.Innovation, r.Price, r.Total,
            rows.Count(o => o.Total > r.Total) + 1, tied && r.Total == top, r.Count)).ToList();
    }

    /// <summary>
    /// Awards one of this scenario's proposals that opened at the deadline, counted and matched its
    /// receipt; anything else is refused whatever the caller sent.
    /// </summary>
    public ProjectAwarded Award(Proposal proposal, string justification, DateTimeOffset now, TimeSpan standstill)
    {
        if (AwardedProposalId is not null)
        {
            throw new DomainRuleException("already-awarded", AlreadyAwarded);
        }
        if (proposal.ScenarioId != ScenarioId)
        {
            throw new DomainRuleException("proposal-of-another-scenario", OtherScenario);
        }
        if (proposal.OpenedAt is null)
        {
            throw new DomainRuleException("proposal-not-opened", NotOpened);
        }
        if (proposal.Status != ProposalStatus.Submitted)
        {
            throw new DomainRuleException("proposal-not-counting", NotCounting);
        }
        if (proposal.VerifiedAtOpening != true)
        {
            throw new DomainRuleException("receipt-mismatch", ReceiptMismatch);
        }
        AwardedProposalId = proposal.Id;
        ProjectId = Guid.NewGuid();
        AwardJustification = justification.Trim();
        AwardedAt = now;
        StandstillEndsAt = now + standstill;
        AwardCancelledAt = null;
        DeliveryStartedAt = null;
        Version++;
        var summary = proposal.Approach.Length <= 500 ? proposal.Approach : proposal.Approach[..500] + "…";
        return new ProjectAwarded(ProjectId.Value, ScenarioId, DepartmentId, proposal.VendorOrganisationId, proposal.Id, summary, proposal.PriceHkd,
            proposal.DurationMonths, proposal.TeamRoles.Select(r => new TeamRole(r.Skill, r.Seniority, r.TalentId)).ToList(), now, StandstillEndsAt.Value);
    }

    public AwardCancelled CancelAward(string reason, DateTimeOffset now)
    {
        if (AwardedProposalId is null || ProjectId is not { } project)
        {
            throw new DomainRuleException("not-awarded", NotAwarded);
        }
        if (DeliveryStartedAt is { } started)
        {
            throw new DomainRuleException("delivery-started", DeliveryUnderway.Format(HongKongTime.Format(started)));
        }
        if (now > StandstillEndsAt)
        {
            throw new DomainRuleException("standstill-over", StandstillOver.Format(HongKongTime.Format(StandstillEndsAt)));
        }
        AwardedProposalId = null;
        ProjectId = null;
        AwardCancelledAt = now;
        Version++;
        return new AwardCancelled(project, ScenarioId, reason.Trim(), now);
    }

    /// <summary>The catalogue started delivery of <paramref name="projectId"/>; repeated, it changes nothing.</summary>
    public void DeliveryStarted(Guid projectId, DateTimeOffset startedAt)
    {
        if (ProjectId != projectId)
        {
            throw new DomainRuleException("not-the-award", NotTheAward);
        }
        DeliveryStartedAt ??= startedAt;
        Version++;
    }

    private List<(Guid ProposalId, decimal Quality, decimal Innovation)> NormalisedScores() =>
        Scores.GroupBy(s => s.EvaluatorId).SelectMany(g =>
        {
            var maxQuality = g.Max(s => s.Quality);
            var maxInnovation = g.Max(s => s.Innovation);
            return g.Select(s => (s.ProposalId,
                maxQuality == 0 ? 0m : (decimal)s.Quality / maxQuality * QualityWeight,
                maxInnovation == 0 ? 0m : (decimal)s.Innovation / maxInnovation * InnovationWeight));
        }).ToList();

    private void EnsureEvaluator(string evaluatorId)
    {
        if (!Evaluators.Contains(evaluatorId))
        {
            throw new DomainRuleException("not-an-evaluator", NotAnEvaluator);
        }
    }
}

/// <summary>An evaluator's declaration for one proposal, made before seeing it.</summary>
public sealed record ConflictDeclaration(string EvaluatorId, Guid ProposalId, bool Conflict, string Note, DateTimeOffset DeclaredAt);

/// <summary>Why content is withheld: a stable code and the reason in both languages.</summary>
public sealed record ContentWithheld(string Code, LocalizedText Reason);
