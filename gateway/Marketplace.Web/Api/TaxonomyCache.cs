namespace Marketplace.Web.Api;

/// <summary>The catalogue's taxonomy (areas, sectors, capabilities, schemes) read once and kept: it changes only with a release.</summary>
public sealed class TaxonomyCache(IServiceScopeFactory scopes)
{
    private Taxonomy? _taxonomy;

    public async Task<Taxonomy> GetAsync(CancellationToken ct)
    {
        if (_taxonomy is { } known)
        {
            return known;
        }
        using var scope = scopes.CreateScope();
        var result = await scope.ServiceProvider.GetRequiredService<CatalogueClient>().TaxonomyAsync(ct);
        // A failed read is not kept: the next page asks again.
        return result.Value is { } taxonomy ? _taxonomy = taxonomy : Taxonomy.Empty;
    }
}

public static class TaxonomyLabels
{
    public static string Label(this IReadOnlyList<TaxonomyEntry> entries, string code) =>
        entries.FirstOrDefault(e => string.Equals(e.Code, code, StringComparison.OrdinalIgnoreCase)) is { } entry
            ? Localization.Display.Pick(entry.LabelEn, entry.LabelZh) : code;
}
