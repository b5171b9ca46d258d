namespace Marketplace.OpenData.Domain;

/// <summary>A published batch's code and names, to label the statistics by batch.</summary>
public sealed class PublishedBatch
{
    private PublishedBatch()
    {
    }

    public PublishedBatch(Guid id, string code, string nameEn, string nameZh)
    {
        (Id, Code, NameEn, NameZh) = (id, code, nameEn, nameZh);
    }

    public Guid Id { get; private set; }

    public string Code { get; private set; } = "";

    public string NameEn { get; private set; } = "";

    public string NameZh { get; private set; } = "";
}
