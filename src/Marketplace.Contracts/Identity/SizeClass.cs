namespace Marketplace.Contracts.Identity;

/// <summary>A vendor's size, used by matching's fairness term and by funding schemes that favour smaller firms.</summary>
public enum SizeClass
{
    Startup,
    SME,
    Large,
}
