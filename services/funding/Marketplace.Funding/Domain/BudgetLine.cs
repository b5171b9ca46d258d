namespace Marketplace.Funding.Domain;

/// <summary>One line of an application's budget.</summary>
public sealed record BudgetLine(CostType CostType, decimal AmountHkd, string Description);
