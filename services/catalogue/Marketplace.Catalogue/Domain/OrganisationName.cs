namespace Marketplace.Catalogue.Domain;

/// <summary>
/// The names of vendors and chambers, for success cases and the showcase; kept from the identity
/// service's organisation events like <see cref="Department"/> (newest change wins).
/// </summary>
public sealed class OrganisationName
{
    private OrganisationName()
    {
    }

    public OrganisationName(Guid id, string type, string nameEn, string nameZh, DateTimeOffset asOf)
    {
        Id = id;
        Type = type;
        NameEn = nameEn;
        NameZh = nameZh;
        AsOf = asOf;
    }

    public Guid Id { get; private set; }

    public string Type { get; private set; } = "";

    public string NameEn { get; private set; } = "";

    public string NameZh { get; private set; } = "";

    public DateTimeOffset AsOf { get; private set; }

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
}
