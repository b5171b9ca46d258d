using Marketplace.OpenData.Api;
using Marketplace.OpenData.Consumers;
using Marketplace.OpenData.Data;
using Marketplace.ServiceDefaults.Data;
using Marketplace.ServiceDefaults.Messaging;
using Marketplace.ServiceDefaults.OpenApi;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Marketplace.OpenData;

/// <summary>
/// The open-data service: every public state change becomes an OCDS 1.1.5 release (stored append-only), compiled into
/// records by ocid, published as packages, a change feed and bulk downloads (docs/decisions/0021).
/// </summary>
public static class OpenDataModule
{
    public const string Name = "opendata";

    public static WebApplicationBuilder AddOpenData(this WebApplicationBuilder builder)
    {
        builder.AddServiceDatabase<OpenDataDbContext, SqliteOpenDataDbContext, PostgresOpenDataDbContext, SqlServerOpenDataDbContext>(Name);
        builder.AddApiDocument(Name, "Open data API — OCDS 1.1.5 releases, records, change feed and bulk downloads");
        builder.Services.AddSingleton(builder.Configuration.GetSection(OpenDataOptions.Section).Get<OpenDataOptions>() ?? new OpenDataOptions());
        builder.Consumers()
            .Add<OrganisationRegisteredConsumer>(Name)
            .Add<OrganisationChangedConsumer>(Name)
            .Add<ScenarioPublishedConsumer>(Name)
            .Add<ScenarioAmendedConsumer>(Name)
            .Add<BatchPublishedConsumer>(Name)
            .Add<ClarificationAnsweredConsumer>(Name)
            .Add<ScenarioClosedConsumer>(Name)
            .Add<ProposalsOpenedConsumer>(Name)
            .Add<ProjectAwardedConsumer>(Name)
            .Add<AwardCancelledConsumer>(Name)
            .Add<FundingDecidedConsumer>(Name)
            .Add<MilestoneAcceptedConsumer>(Name)
            .Add<DisbursementReleasedConsumer>(Name)
            .Add<ProjectCompletedConsumer>(Name)
            .Add<SuccessCasePublishedConsumer>(Name)
            .Add<ReplicationInterestRegisteredConsumer>(Name);
        return builder;
    }

    public static IEndpointRouteBuilder MapOpenData(this IEndpointRouteBuilder app)
    {
        app.MapReleasesApi();
        app.MapRecordsApi();
        app.MapDownloadsApi();
        app.MapStatisticsApi();
        app.MapOutboxAdminApi<OpenDataDbContext>(Name);
        return app;
    }
}
