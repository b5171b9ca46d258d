namespace Marketplace.Catalogue.Domain;

/// <summary>
/// The catalogue's local copy of a department's names, for display. Owned by the identity service;
/// kept here from its organisation events (and seeded in standalone mode). A change older than the
/// one already applied is ignored, so events arriving out of order cannot restore stale names.
/// </summary>
public sealed class Department
{
    private Department()
    {
    }

    public Department(Guid id, string nameEn, string nameZh, DateTimeOffset asOf = default)
    {
        Id = id;
        NameEn = nameEn;
        NameZh = nameZh;
        AsOf = asOf;
    }

    public Guid Id { get; private set; }

    public string NameEn { get; private set; } = "";

    public string NameZh { get; private set; } = "";

    /// <summary>When the identity service made the change these names come from.</summary>
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
