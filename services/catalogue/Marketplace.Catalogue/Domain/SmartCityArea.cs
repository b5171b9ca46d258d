namespace Marketplace.Catalogue.Domain;

/// <summary>The six areas of Hong Kong's Smart City Blueprint.</summary>
public enum SmartCityArea
{
    Mobility,
    Living,
    Environment,
    People,
    Government,
    Economy,
}
