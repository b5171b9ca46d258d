using Marketplace.Contracts.Identity;

namespace Marketplace.Catalogue.Domain;

/// <summary>
/// The names and standing of vendors and chambers, for success cases and the showcase; kept from the
/// identity service's organisation events like <see cref="Department"/>. Names and status are each
/// newest-wins on their own, because the approval may be consumed before the registration.
/// </summary>
public sealed class OrganisationName
{
    private OrganisationName()
    {
    }

    public OrganisationName(Guid id, OrganisationType type, string nameEn, string nameZh, OrganisationStatus status, DateTimeOffset asOf)
    {
        Id = id;
        Type = type;
        NameEn = nameEn;
        NameZh = nameZh;
        Status = status;
        AsOf = asOf;
        StatusAsOf = asOf;
    }

    public Guid Id { get; private set; }

    public OrganisationType Type { get; private set; }

    public string NameEn { get; private set; } = "";

    public string NameZh { get; private set; } = "";

    public DateTimeOffset AsOf { get; private set; }

    public OrganisationStatus Status { get; private set; }

    public DateTimeOffset StatusAsOf { get; private set; }

    public void Rename(string nameEn, string nameZh, DateTimeOffset asOf)
    {
        if (asOf < AsOf)
        {
            return;
        }
        NameEn = nameEn;
        NameZh = nameZh;
        AsOf = asOf;
    }

    public void ChangeStatus(OrganisationStatus status, DateTimeOffset asOf)
    {
        if (asOf < StatusAsOf)
        {
            return;
        }
        Status = status;
        StatusAsOf = asOf;
    }
}
