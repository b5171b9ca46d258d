using Marketplace.Contracts.Catalogue;
using Marketplace.ServiceDefaults.Errors;
using Marketplace.ServiceDefaults.Localization;

namespace Marketplace.Catalogue.Domain;

/// <summary>
/// A vendor's question about a published scenario and the department's public answer. Who asked is
/// kept only so the asker can find its own questions; it is never shown to anyone else.
/// </summary>
public sealed class Clarification
{
    public static readonly LocalizedText AlreadyAnswered = new("This question has already been answered.", "此問題已經回覆。");
    public static readonly LocalizedText QuestionsClosed = new(
        "Questions closed on {0} Hong Kong time ({1} days before the proposal deadline).", "提問已於香港時間 {0} 截止（提交建議書截止前 {1} 日）。");
    public static readonly LocalizedText NotOpenForQuestions = new(
        "Questions can be asked only about a published scenario.", "只可就已發布的情境提問。");

    private Clarification()
    {
    }

    public Guid Id { get; private set; }

    public Guid ScenarioId { get; private set; }

    public string Question { get; private set; } = "";

    public Guid AskerOrganisationId { get; private set; }

    public string AskerUserId { get; private set; } = "";

    public DateTimeOffset AskedAt { get; private set; }

    /// <summary>Departments answer in both official languages.</summary>
    public string? AnswerEn { get; private set; }

    public string? AnswerZh { get; private set; }

    public DateTimeOffset? AnsweredAt { get; private set; }

    public string? AnsweredBy { get; private set; }

    /// <summary>When questions close: the configured cut-off before the deadline.</summary>
    public static DateTimeOffset CutOff(Scenario scenario, TimeSpan cutOffBeforeDeadline) => scenario.ProposalDeadline!.Value - cutOffBeforeDeadline;

    public static Clarification Ask(Scenario scenario, string question, Guid askerOrganisationId, string askerUserId, DateTimeOffset now, TimeSpan cutOffBeforeDeadline)
    {
        if (scenario.Status != ScenarioStatus.Published)
        {
            throw new DomainRuleException("scenario-not-published", NotOpenForQuestions);
        }
        var cutOff = CutOff(scenario, cutOffBeforeDeadline);
        if (now >= cutOff)
        {
            throw new DomainRuleException("questions-closed", QuestionsClosed.Format(HongKongTime.Format(cutOff), (int)cutOffBeforeDeadline.TotalDays));
        }
        return new Clarification
        {
            Id = Guid.NewGuid(),
            ScenarioId = scenario.Id,
            Question = question.Trim(),
            AskerOrganisationId = askerOrganisationId,
            AskerUserId = askerUserId,
            AskedAt = now,
        };
    }

    public ClarificationAnswered Reply(string answerEn, string answerZh, string answeredBy, DateTimeOffset now)
    {
        if (AnsweredAt is not null)
        {
            throw new DomainRuleException("already-answered", AlreadyAnswered);
        }
        AnswerEn = answerEn.Trim();
        AnswerZh = answerZh.Trim();
        AnsweredAt = now;
        AnsweredBy = answeredBy;
        return new ClarificationAnswered(ScenarioId, Id, Question, AnswerEn, AnswerZh, now);
    }
}
