using Marketplace.Catalogue.Api;
using Marketplace.Catalogue.Consumers;
using Marketplace.Catalogue.Data;
using Marketplace.Catalogue.Scheduling;
using Marketplace.Catalogue.Search;
using Marketplace.ServiceDefaults.Data;
using Marketplace.ServiceDefaults.Messaging;
using Marketplace.ServiceDefaults.OpenApi;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Marketplace.Catalogue;

/// <summary>The catalogue service: scenarios and their lifecycle, batches, clarifications, search (and, as it grows, alerts, success cases, showcase).</summary>
public static class CatalogueModule
{
    public const string Name = "catalogue";

    public static WebApplicationBuilder AddCatalogue(this WebApplicationBuilder builder)
    {
        builder.Services.AddSingleton(builder.Configuration.GetSection(CatalogueOptions.Section).Get<CatalogueOptions>() ?? new CatalogueOptions());
        builder.AddServiceDatabase<CatalogueDbContext, SqliteCatalogueDbContext, PostgresCatalogueDbContext>(Name);
        var database = builder.Configuration.GetSection(DatabaseOptions.Section).Get<DatabaseOptions>() ?? new DatabaseOptions();
        builder.Services.AddSingleton<IScenarioSearch>(database.Provider == DatabaseProvider.Postgres ? new PostgresScenarioSearch() : new SqliteScenarioSearch());
        builder.Services.AddSingleton<ProposalDeadlines>();
        builder.Services.AddHostedService<ProposalDeadlineService>();
        builder.AddApiDocument(Name, "Catalogue API — scenarios of the Hong Kong AI Scenario Marketplace");
        builder.Consumers()
            .Add<OrganisationRegisteredConsumer>(Name)
            .Add<OrganisationChangedConsumer>(Name)
            .Add<ProjectAwardedConsumer>(Name)
            .Add<AwardCancelledConsumer>(Name)
            .Add<ProjectCompletedConsumer>(Name);
        return builder;
    }

    public static IEndpointRouteBuilder MapCatalogue(this IEndpointRouteBuilder app)
    {
        app.MapScenariosApi();
        app.MapClarificationsApi();
        app.MapBatchesApi();
        app.MapTaxonomyApi();
        return app;
    }
}
