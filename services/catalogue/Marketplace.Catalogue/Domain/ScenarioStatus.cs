namespace Marketplace.Catalogue.Domain;

public enum ScenarioStatus
{
    /// <summary>Being written by the department; visible only to it.</summary>
    Draft,

    /// <summary>Public; vendors may submit proposals until the deadline.</summary>
    Published,

    /// <summary>No longer accepting proposals.</summary>
    Closed,
}
