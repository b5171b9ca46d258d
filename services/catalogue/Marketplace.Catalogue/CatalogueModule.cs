using Marketplace.Catalogue.Alerts;
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
using Microsoft.Extensions.Hosting;

namespace Marketplace.Catalogue;

/// <summary>The catalogue service: scenarios and their lifecycle, batches, clarifications, search, saved-search alerts, success cases and the vendor showcase.</summary>
public static class CatalogueModule
{
    public const string Name = "catalogue";

    public static WebApplicationBuilder AddCatalogue(this WebApplicationBuilder builder)
    {
        builder.Services.AddSingleton((builder.Configuration.GetSection(CatalogueOptions.Section).Get<CatalogueOptions>() ?? new CatalogueOptions())
            .Validated(builder.Environment.IsDevelopment()));
        builder.AddServiceDatabase<CatalogueDbContext, SqliteCatalogueDbContext, PostgresCatalogueDbContext, SqlServerCatalogueDbContext>(Name);
        var database = builder.Configuration.GetSection(DatabaseOptions.Section).Get<DatabaseOptions>() ?? new DatabaseOptions();
        builder.Services.AddSingleton<IScenarioSearch>(database.Provider switch
        {
            DatabaseProvider.Postgres => new PostgresScenarioSearch(),
            DatabaseProvider.SqlServer => new TokenMatchScenarioSearch(),
            _ => new SqliteScenarioSearch(),
        });
        builder.Services.AddSingleton<ProposalDeadlines>();
        builder.Services.AddHostedService<ProposalDeadlineService>();
        builder.Services.AddSingleton<DailyDigests>();
        builder.Services.AddHostedService<DailyDigestService>();
        builder.AddApiDocument(Name, "Catalogue API — scenarios of the Hong Kong AI Scenario Marketplace");
        builder.Consumers()
            .Add<OrganisationRegisteredConsumer>(Name)
            .Add<OrganisationChangedConsumer>(Name)
            .Add<OrganisationApprovedConsumer>(Name)
            .Add<ProjectAwardedConsumer>(Name)
            .Add<AwardCancelledConsumer>(Name)
            .Add<ProjectCompletedConsumer>(Name)
            .Add<ScenarioPublishedAlertConsumer>(Name)
            .Add<ScenarioAmendedAlertConsumer>(Name);
        return builder;
    }

    public static IEndpointRouteBuilder MapCatalogue(this IEndpointRouteBuilder app)
    {
        app.MapScenariosApi();
        app.MapClarificationsApi();
        app.MapBatchesApi();
        app.MapSavedSearchesApi();
        app.MapNotificationsApi();
        app.MapSuccessCasesApi();
        app.MapSolutionsApi();
        app.MapTaxonomyApi();
        app.MapStatisticsApi();
        app.MapOutboxAdminApi<CatalogueDbContext>(Name);
        return app;
    }
}
