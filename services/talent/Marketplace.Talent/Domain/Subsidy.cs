using Marketplace.ServiceDefaults.Localization;

namespace Marketplace.Talent.Domain;

/// <summary>A computed subsidy and how it was reached, in both languages.</summary>
public sealed record Subsidy(decimal AmountHkd, decimal ShareOfFeeHkd, decimal RemainingCapHkd, FinancialYear Year, LocalizedText Explanation);
