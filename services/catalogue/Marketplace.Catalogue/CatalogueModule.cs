using Marketplace.Catalogue.Api;
using Marketplace.Catalogue.Consumers;
using Marketplace.Catalogue.Data;
using Marketplace.ServiceDefaults.Data;
using Marketplace.ServiceDefaults.Messaging;
using Marketplace.ServiceDefaults.OpenApi;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Marketplace.Catalogue;

/// <summary>The catalogue service: scenarios (and, as it grows, batches, clarifications, success cases, showcase).</summary>
public static class CatalogueModule
{
    public const string Name = "catalogue";

    public static WebApplicationBuilder AddCatalogue(this WebApplicationBuilder builder)
    {
        builder.Services.AddSingleton(builder.Configuration.GetSection(CatalogueOptions.Section).Get<CatalogueOptions>() ?? new CatalogueOptions());
        builder.AddServiceDatabase<CatalogueDbContext, SqliteCatalogueDbContext, PostgresCatalogueDbContext>(Name);
        builder.AddApiDocument(Name, "Catalogue API — scenarios of the Hong Kong AI Scenario Marketplace");
        builder.Consumers()
            .Add<OrganisationRegisteredConsumer>(Name)
            .Add<OrganisationChangedConsumer>(Name);
        return builder;
    }

    public static IEndpointRouteBuilder MapCatalogue(this IEndpointRouteBuilder app)
    {
        app.MapScenariosApi();
        app.MapTaxonomyApi();
        return app;
    }
}
