using Marketplace.Matching.Api;
using Marketplace.Matching.Consumers;
using Marketplace.Matching.Data;
using Marketplace.ServiceDefaults.Data;
using Marketplace.ServiceDefaults.Messaging;
using Marketplace.ServiceDefaults.OpenApi;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Routing;

namespace Marketplace.Matching;

/// <summary>The matching service: read models of open scenarios (and, as it grows, vendors, proposals, evaluation, awards).</summary>
public static class MatchingModule
{
    public const string Name = "matching";

    public static WebApplicationBuilder AddMatching(this WebApplicationBuilder builder)
    {
        builder.AddServiceDatabase<MatchingDbContext, SqliteMatchingDbContext, PostgresMatchingDbContext>(Name);
        builder.AddApiDocument(Name, "Matching API — recommendations, proposals and awards");
        builder.Consumers()
            .Add<ScenarioPublishedConsumer>(Name)
            .Add<ScenarioClosedConsumer>(Name);
        return builder;
    }

    public static IEndpointRouteBuilder MapMatching(this IEndpointRouteBuilder app)
    {
        app.MapOpenScenariosApi();
        return app;
    }
}
