using Marketplace.ServiceDefaults.Localization;

namespace Marketplace.ServiceDefaults.Errors;

/// <summary>
/// An entity refused a state transition (publishing a closed scenario, editing a published one).
/// Answered as 409 problem details carrying <see cref="Code"/> so clients can react to the rule.
/// </summary>
public sealed class DomainRuleException : Exception
{
    public DomainRuleException(string code, LocalizedText text)
        : base(text.En)
    {
        Code = code;
        Text = text;
    }

    public DomainRuleException()
        : this("domain-rule", new LocalizedText("A business rule was violated.", "違反業務規則。"))
    {
    }

    public DomainRuleException(string message)
        : this("domain-rule", new LocalizedText(message, message))
    {
    }

    public DomainRuleException(string message, Exception innerException)
        : base(message, innerException)
    {
        Code = "domain-rule";
        Text = new LocalizedText(message, message);
    }

    public string Code { get; }

    public LocalizedText Text { get; }
}
