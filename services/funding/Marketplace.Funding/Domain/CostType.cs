namespace Marketplace.Funding.Domain;

/// <summary>What a budget line pays for; a scheme names the types it funds (its eligible costs).</summary>
public enum CostType
{
    Manpower,
    Equipment,
    Computing,
    Software,
    Consultancy,
    Training,
    Other,
}
