namespace Marketplace.ServiceDefaults.Validation;

/// <summary>
/// Marks a text field of a request body in which line breaks and tabs belong (descriptions, an
/// approach, a justification). Every other text field accepts no control character at all.
/// </summary>
[AttributeUsage(AttributeTargets.Property | AttributeTargets.Parameter)]
public sealed class MultilineTextAttribute : Attribute;
