namespace Marketplace.Catalogue.Domain;

/// <summary>
/// The department's assessment of the AI system's risk (after the Ethical AI Framework's impact
/// assessment): Low (no personal data, advisory), Medium (personal data or service decisions with a
/// human in the loop), High (decisions with significant effect on people, or safety-critical).
/// </summary>
public enum AiRiskTier
{
    Low,
    Medium,
    High,
}
