using Marketplace.Contracts.Identity;

namespace Marketplace.OpenData.Domain;

/// <summary>A party's public facts from identity's organisation events: names and business registration number.</summary>
public sealed class Organisation
{
    private Organisation()
    {
    }

    public Organisation(Guid id) => Id = id;

    public Guid Id { get; private set; }

    public OrganisationType Type { get; private set; }

    public string NameEn { get; private set; } = "";

    public string NameZh { get; private set; } = "";

    public string? BusinessRegistrationNumber { get; private set; }

    public SizeClass? SizeClass { get; private set; }

    /// <summary>When the facts held were true: an older event arriving late changes nothing but a missing number.</summary>
    public DateTimeOffset AsOf { get; private set; }

    public void Apply(OrganisationType type, string nameEn, string nameZh, SizeClass? sizeClass, string? businessRegistrationNumber, DateTimeOffset asOf)
    {
        BusinessRegistrationNumber ??= businessRegistrationNumber;
        if (asOf < AsOf)
        {
            return;
        }
        (Type, NameEn, NameZh, SizeClass, AsOf) = (type, nameEn, nameZh, sizeClass, asOf);
    }
}
