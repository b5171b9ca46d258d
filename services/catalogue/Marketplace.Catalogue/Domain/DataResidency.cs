namespace Marketplace.Catalogue.Domain;

/// <summary>Where the scenario's data may be processed.</summary>
public enum DataResidency
{
    HongKongOnly,

    /// <summary>Cross-boundary transfer allowed under the standard contract for Greater Bay Area data flows.</summary>
    CrossBoundaryAllowed,
}
