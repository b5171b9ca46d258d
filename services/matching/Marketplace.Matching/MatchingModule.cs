using Marketplace.Matching.Api;
using Marketplace.Matching.Consumers;
using Marketplace.Matching.Data;
using Marketplace.Matching.Notifications;
using Marketplace.Matching.Recommendations;
using Marketplace.Matching.Scheduling;
using Marketplace.ServiceDefaults.Data;
using Marketplace.ServiceDefaults.Messaging;
using Marketplace.ServiceDefaults.OpenApi;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Marketplace.Matching;

/// <summary>The matching service: read models of open scenarios and vendors, explainable recommendations, sealed proposals, evaluation, awards and the vendors' notifications.</summary>
public static class MatchingModule
{
    public const string Name = "matching";

    public static WebApplicationBuilder AddMatching(this WebApplicationBuilder builder)
    {
        builder.AddServiceDatabase<MatchingDbContext, SqliteMatchingDbContext, PostgresMatchingDbContext, SqlServerMatchingDbContext>(Name);
        builder.AddApiDocument(Name, "Matching API — recommendations, proposals and awards");
        builder.Services.AddSingleton(builder.Configuration.GetSection(MatchingOptions.Section).Get<MatchingOptions>() ?? new MatchingOptions());
        builder.Services.AddSingleton<RecommendationIndex>();
        builder.Services.AddSingleton<ProposalOpening>();
        builder.Services.AddHostedService<ProposalOpeningService>();
        builder.Services.AddSingleton<StrongMatchNotifier>();
        builder.Services.AddHostedService<StrongMatchNotifierService>();
        builder.Consumers()
            .Add<ScenarioPublishedConsumer>(Name)
            .Add<ScenarioClosedConsumer>(Name)
            .Add<ScenarioAmendedConsumer>(Name)
            .Add<VendorRegisteredConsumer>(Name)
            .Add<VendorChangedConsumer>(Name)
            .Add<VendorApprovedConsumer>(Name)
            .Add<MembershipChangedConsumer>(Name)
            .Add<SolutionPublishedConsumer>(Name)
            .Add<ProjectAwardedConsumer>(Name)
            .Add<AwardCancelledConsumer>(Name)
            .Add<ScenarioDeliveryStartedConsumer>(Name)
            .Add<ProjectCompletedConsumer>(Name)
            .Add<SuccessCasePublishedConsumer>(Name);
        return builder;
    }

    public static IEndpointRouteBuilder MapMatching(this IEndpointRouteBuilder app)
    {
        app.MapOpenScenariosApi();
        app.MapRecommendationsApi();
        app.MapProposalsApi();
        app.MapEvaluationApi();
        app.MapIntegrityIncidentsApi();
        app.MapVendorNotificationsApi();
        app.MapStatisticsApi();
        app.MapOutboxAdminApi<MatchingDbContext>(Name);
        return app;
    }
}
