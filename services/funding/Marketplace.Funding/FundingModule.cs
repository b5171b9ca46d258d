using Marketplace.Funding.Api;
using Marketplace.Funding.Consumers;
using Marketplace.Funding.Data;
using Marketplace.ServiceDefaults.Data;
using Marketplace.ServiceDefaults.Messaging;
using Marketplace.ServiceDefaults.OpenApi;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Marketplace.Funding;

/// <summary>The funding service: schemes as rules, applications opened from awards, assessment with conflict declarations, decisions, milestones and payments.</summary>
public static class FundingModule
{
    public const string Name = "funding";

    public static WebApplicationBuilder AddFunding(this WebApplicationBuilder builder)
    {
        builder.AddServiceDatabase<FundingDbContext, SqliteFundingDbContext, PostgresFundingDbContext, SqlServerFundingDbContext>(Name);
        builder.AddApiDocument(Name, "Funding API — schemes, applications, assessment, decisions and milestones");
        var options = builder.Configuration.GetSection(FundingOptions.Section).Get<FundingOptions>() ?? new FundingOptions();
        var provider = (builder.Configuration.GetSection(DatabaseOptions.Section).Get<DatabaseOptions>() ?? new DatabaseOptions()).Provider;
        builder.Services.AddSingleton(options);
        builder.Consumers()
            .Add<ScenarioPublishedConsumer>(Name)
            .Add<ScenarioAmendedConsumer>(Name)
            .Add<ProjectAwardedConsumer>(Name, (_, c) => AwardBatching.Consumer(c, options, provider), e => AwardBatching.Endpoint(e, options, provider))
            .Add<AwardCancelledConsumer>(Name)
            .Add<VendorRegisteredConsumer>(Name)
            .Add<VendorChangedConsumer>(Name)
            .Add<VendorApprovedConsumer>(Name)
            .Add<MembershipChangedConsumer>(Name);
        return builder;
    }

    public static IEndpointRouteBuilder MapFunding(this IEndpointRouteBuilder app)
    {
        app.MapSchemesApi();
        app.MapApplicationsApi();
        app.MapAssessmentApi();
        app.MapDecisionApi();
        app.MapMilestonesApi();
        app.MapOutboxAdminApi<FundingDbContext>(Name);
        return app;
    }
}
