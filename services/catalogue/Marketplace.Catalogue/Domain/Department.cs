namespace Marketplace.Catalogue.Domain;

/// <summary>
/// The catalogue's local copy of a department's names, for display. Owned by the identity service;
/// kept here from its organisation events (and seeded in standalone mode).
/// </summary>
public sealed class Department
{
    private Department()
    {
    }

    public Department(Guid id, string nameEn, string nameZh)
    {
        Id = id;
        NameEn = nameEn;
        NameZh = nameZh;
    }

    public Guid Id { get; private set; }

    public string NameEn { get; private set; } = "";

    public string NameZh { get; private set; } = "";

    public void Rename(string nameEn, string nameZh)
    {
        NameEn = nameEn;
        NameZh = nameZh;
    }
}
