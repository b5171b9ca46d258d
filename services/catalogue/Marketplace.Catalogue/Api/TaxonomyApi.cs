using Marketplace.Catalogue.Domain;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;

namespace Marketplace.Catalogue.Api;

/// <summary><c>/api/catalogue/taxonomy</c>: the codes scenarios are classified by, with both labels. Public.</summary>
public static class TaxonomyApi
{
    public sealed record TaxonomyEntry(string Code, string LabelEn, string LabelZh);

    public sealed record TaxonomyResponse(
        IReadOnlyList<TaxonomyEntry> Areas,
        IReadOnlyList<TaxonomyEntry> Sectors,
        IReadOnlyList<TaxonomyEntry> Capabilities,
        IReadOnlyList<TaxonomyEntry> FundingSchemes);

    public static RouteGroupBuilder MapTaxonomyApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/catalogue/taxonomy").WithTags("Taxonomy").WithGroupName(CatalogueModule.Name);
        group.MapGet("/", Get).AllowAnonymous().WithSummary("Smart City areas, sectors, AI capabilities and funding schemes");
        return group;
    }

    public static Ok<TaxonomyResponse> Get() => TypedResults.Ok(new TaxonomyResponse(
        Taxonomy.Areas.Select(a => new TaxonomyEntry(a.Key.ToString(), a.Value.En, a.Value.Zh)).ToList(),
        Entries(Taxonomy.Sectors),
        Entries(Taxonomy.Capabilities),
        Entries(Taxonomy.FundingSchemes)));

    private static List<TaxonomyEntry> Entries(IReadOnlyDictionary<string, ServiceDefaults.Localization.LocalizedText> source) =>
        source.Select(e => new TaxonomyEntry(e.Key, e.Value.En, e.Value.Zh)).ToList();
}
