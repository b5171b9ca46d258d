namespace Marketplace.Funding.Domain;

/// <summary>How an application was opened: from an award (ProjectAwarded) or by the vendor inside a scheme's window.</summary>
public enum ApplicationOrigin
{
    Award,
    Direct,
}
