using Marketplace.Contracts.Identity;

namespace Marketplace.Funding.Domain;

/// <summary>
/// Funding's read model of a vendor organisation, from the identity service's events: its names,
/// whether it is Hong Kong-registered (a business registration number), its size class and status.
/// Details and status are each newest-wins: the events may be consumed in any order, and an
/// application may exist before any of them arrives (the engine then says the facts are not known yet).
/// </summary>
public sealed class VendorFacts
{
    private VendorFacts()
    {
    }

    public VendorFacts(Guid id) => Id = id;

    public Guid Id { get; private set; }

    public string NameEn { get; private set; } = "";

    public string NameZh { get; private set; } = "";

    /// <summary>Null until the registration (the only event carrying it) arrives.</summary>
    public string? BusinessRegistrationNumber { get; private set; }

    public bool Registered { get; private set; }

    public SizeClass? SizeClass { get; private set; }

    public DateTimeOffset DetailsAsOf { get; private set; }

    public OrganisationStatus? Status { get; private set; }

    public DateTimeOffset StatusAsOf { get; private set; }

    public Guid Version { get; private set; }

    public bool HongKongRegistered => BusinessRegistrationNumber is { Length: 8 } brn && brn.All(char.IsAsciiDigit);

    public void Registration(string? businessRegistrationNumber) =>
        (BusinessRegistrationNumber, Registered, Version) = (businessRegistrationNumber, true, Guid.NewGuid());

    public void Details(string nameEn, string nameZh, SizeClass? sizeClass, OrganisationStatus status, DateTimeOffset asOf)
    {
        if (asOf >= DetailsAsOf || NameEn.Length == 0)
        {
            (NameEn, NameZh, SizeClass) = (nameEn, nameZh, sizeClass);
            DetailsAsOf = asOf > DetailsAsOf ? asOf : DetailsAsOf;
        }
        SetStatus(status, asOf);
    }

    public void SetStatus(OrganisationStatus status, DateTimeOffset asOf)
    {
        if (asOf >= StatusAsOf || Status is null)
        {
            Status = status;
            StatusAsOf = asOf > StatusAsOf ? asOf : StatusAsOf;
        }
        Version = Guid.NewGuid();
    }
}
