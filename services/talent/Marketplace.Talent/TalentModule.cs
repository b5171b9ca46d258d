using Marketplace.ServiceDefaults.Data;
using Marketplace.ServiceDefaults.Messaging;
using Marketplace.ServiceDefaults.OpenApi;
using Marketplace.Talent.Api;
using Marketplace.Talent.Consumers;
using Marketplace.Talent.Data;
using Marketplace.Talent.Domain;
using Marketplace.Talent.Taxonomy;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Marketplace.Talent;

/// <summary>The talent service: the skills taxonomy, talent profiles with consent, staffing of awarded projects, subsidised training and skill-gap statistics.</summary>
public static class TalentModule
{
    public const string Name = "talent";

    public static WebApplicationBuilder AddTalent(this WebApplicationBuilder builder)
    {
        builder.AddServiceDatabase<TalentDbContext, SqliteTalentDbContext, PostgresTalentDbContext, SqlServerTalentDbContext>(Name);
        builder.AddApiDocument(Name, "Talent API — skills, profiles, staffing, training and skill-gap statistics");
        var options = builder.Configuration.GetSection(TalentOptions.Section).Get<TalentOptions>() ?? new TalentOptions();
        var provider = (builder.Configuration.GetSection(DatabaseOptions.Section).Get<DatabaseOptions>() ?? new DatabaseOptions()).Provider;
        builder.Services.AddSingleton(options);
        builder.Services.AddSingleton(SkillTaxonomy.Load());
        builder.Services.AddSingleton<RoleMatcher>();
        builder.Consumers()
            .Add<ProjectAwardedConsumer>(Name, (_, c) => AwardBatching.Consumer(c, options, provider), e => AwardBatching.Endpoint(e, options, provider))
            .Add<AwardCancelledConsumer>(Name)
            .Add<ScenarioPublishedConsumer>(Name)
            .Add<ScenarioClosedConsumer>(Name);
        return builder;
    }

    public static IEndpointRouteBuilder MapTalent(this IEndpointRouteBuilder app)
    {
        app.MapSkillsApi();
        app.MapProfilesApi();
        app.MapStaffingApi();
        app.MapInvitationsApi();
        app.MapTrainingApi();
        app.MapSkillGapApi();
        app.MapOutboxAdminApi<TalentDbContext>(Name);
        return app;
    }
}
