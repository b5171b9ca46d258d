namespace Marketplace.Contracts.Catalogue;

/// <summary>Why a scenario stopped accepting proposals; consumers decide on this, never on the display reason.</summary>
public enum ScenarioClosureKind
{
    /// <summary>The proposal deadline passed: the sealed proposals may be opened.</summary>
    DeadlinePassed,

    /// <summary>The department (or an administrator) withdrew the scenario: its proposals are never opened.</summary>
    Cancelled,
}
