using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Marketplace.IntegrationTests.Infrastructure;
using Marketplace.ServiceDefaults.Auth;
using Marketplace.Testing;
using Microsoft.EntityFrameworkCore;

namespace Marketplace.IntegrationTests.Catalogue;

/// <summary>
/// Clarifications, the question cut-off and the proposal deadline, on the environment's clock (each
/// test class has its own environment, so moving the clock here affects no other class).
/// </summary>
public abstract class DeadlineAndClarificationTests(MarketplaceEnvironment env)
{
    private readonly Guid _department = Guid.NewGuid();

    private HttpClient Officer() => env.CatalogueClient().As(Roles.DepartmentOfficer, _department);

    [Fact]
    public async Task Questions_are_answered_publicly_in_both_languages_and_the_asker_is_never_revealed()
    {
        var id = (await ScenarioBuilder.CreatePublishedAsync(env, Officer())).GetProperty("id").GetGuid();
        var vendorOrg = Guid.NewGuid();
        var vendorUser = $"vendor-user-{Guid.NewGuid():N}";
        var vendor = env.CatalogueClient().As(Roles.Vendor, vendorOrg, vendorUser);

        var asked = await vendor.PostAsJsonAsync($"/api/catalogue/scenarios/{id}/clarifications", new { question = "Can the model run in a Hong Kong public cloud region?" });
        await asked.ShouldBe(HttpStatusCode.Created);
        var question = await asked.Content.ReadFromJsonAsync<JsonElement>();
        Assert.True(question.GetProperty("mine").GetBoolean());
        var qid = question.GetProperty("id").GetGuid();
        await (await env.CatalogueClient().As(Roles.DepartmentOfficer, _department).PostAsJsonAsync($"/api/catalogue/scenarios/{id}/clarifications", new { question = "x" }))
            .ShouldBe(HttpStatusCode.Forbidden);
        await (await vendor.PostAsJsonAsync($"/api/catalogue/scenarios/{id}/clarifications", new { question = " " })).ShouldBe(HttpStatusCode.BadRequest);

        // Unanswered: the asker and the department see it; the public and other vendors do not.
        Assert.Empty((await env.CatalogueClient().GetFromJsonAsync<JsonElement>($"/api/catalogue/scenarios/{id}/clarifications")).EnumerateArray());
        Assert.Empty((await env.CatalogueClient().As(Roles.Vendor, Guid.NewGuid()).GetFromJsonAsync<JsonElement>($"/api/catalogue/scenarios/{id}/clarifications")).EnumerateArray());
        Assert.Single((await vendor.GetFromJsonAsync<JsonElement>($"/api/catalogue/scenarios/{id}/clarifications")).EnumerateArray());
        var forDepartment = await Officer().GetFromJsonAsync<JsonElement>($"/api/catalogue/scenarios/{id}/clarifications");
        Assert.False(Assert.Single(forDepartment.EnumerateArray().ToList()).GetProperty("mine").GetBoolean());

        var noChinese = await Officer().PostAsJsonAsync($"/api/catalogue/scenarios/{id}/clarifications/{qid}/answer", new { answerEn = "Yes.", answerZh = "Yes." });
        await noChinese.ShouldBe(HttpStatusCode.BadRequest);
        await (await env.CatalogueClient().As(Roles.DepartmentOfficer, Guid.NewGuid()).PostAsJsonAsync($"/api/catalogue/scenarios/{id}/clarifications/{qid}/answer",
            new { answerEn = "No", answerZh = "不可以" })).ShouldBe(HttpStatusCode.Forbidden);
        await (await Officer().PostAsJsonAsync($"/api/catalogue/scenarios/{id}/clarifications/{qid}/answer",
            new { answerEn = "Yes, if the region is in Hong Kong.", answerZh = "可以，惟該區域須位於香港。" })).ShouldBe(HttpStatusCode.OK);
        await (await Officer().PostAsJsonAsync($"/api/catalogue/scenarios/{id}/clarifications/{qid}/answer",
            new { answerEn = "Again", answerZh = "再次" })).ShouldBe(HttpStatusCode.Conflict);

        // Everything anyone else can read, raw: the asker's organisation and user never appear.
        var responses = new List<string>
        {
            await env.CatalogueClient().GetStringAsync($"/api/catalogue/scenarios/{id}/clarifications"),
            await env.CatalogueClient().As(Roles.Vendor, Guid.NewGuid()).GetStringAsync($"/api/catalogue/scenarios/{id}/clarifications"),
            await Officer().GetStringAsync($"/api/catalogue/scenarios/{id}/clarifications"),
            await env.CatalogueClient().GetStringAsync($"/api/catalogue/scenarios/{id}"),
            await env.CatalogueClient().GetStringAsync($"/api/catalogue/scenarios?q=region"),
        };
        var events = await env.InCatalogueDbAsync(db => db.OutboxMessages.Where(m => m.MessageType.Contains("ClarificationAnswered")).Select(m => m.Body).ToListAsync());
        responses.AddRange(events);
        Assert.Contains(responses, r => r.Contains("可以，惟該區域須位於香港。", StringComparison.Ordinal));
        Assert.All(responses, r => Assert.DoesNotContain(vendorOrg.ToString(), r, StringComparison.OrdinalIgnoreCase));
        Assert.All(responses, r => Assert.DoesNotContain(vendorUser, r, StringComparison.Ordinal));
        var answered = JsonDocument.Parse(responses[0]).RootElement[0];
        Assert.Equal("Yes, if the region is in Hong Kong.", answered.GetProperty("answerEn").GetString());
    }

    [Fact]
    public async Task Questions_close_at_the_cut_off_and_proposals_at_the_deadline_even_when_the_service_was_down()
    {
        var officer = Officer();
        var id = (await ScenarioBuilder.CreatePublishedAsync(env, officer)).GetProperty("id").GetGuid(); // deadline in 30 days
        var vendor = env.CatalogueClient().As(Roles.Vendor, Guid.NewGuid());

        env.Clock.Advance(TimeSpan.FromDays(27).Add(TimeSpan.FromMinutes(1)));
        var late = await vendor.PostAsJsonAsync($"/api/catalogue/scenarios/{id}/clarifications", new { question = "Is there a test set?" });
        await late.ShouldBe(HttpStatusCode.Conflict);
        var problem = await late.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("questions-closed", problem.GetProperty("code").GetString());
        Assert.Contains("3 days before", problem.GetProperty("detail").GetString());

        // An amendment with under 7 days left moves the deadline to 7 days after it.
        var body = ScenarioBuilder.ValidBody("AI triage of A&E waiting times, extended");
        var amended = await officer.PostAsJsonAsync($"/api/catalogue/scenarios/{id}/amend", new { scenario = body, summaryEn = "Title clarified", summaryZh = "標題更清晰" });
        await amended.ShouldBe(HttpStatusCode.OK);
        var deadline = (await amended.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("proposalDeadline").GetDateTimeOffset();
        Assert.Equal(env.Clock.GetUtcNow().AddDays(7), deadline);

        // The catalogue is down when the deadline passes; it closes the scenario when it starts again.
        env.Clock.Advance(TimeSpan.FromDays(8));
        await env.RestartCatalogueAsync(new Dictionary<string, string?>());
        var closed = await Eventually.Until(() => env.CatalogueClient().GetFromJsonAsync<JsonElement>($"/api/catalogue/scenarios/{id}"),
            s => s.GetProperty("status").GetString() == "ProposalsClosed", what: "the scheduler to close the scenario on start-up");
        Assert.NotNull(closed.GetProperty("proposalsClosedAt").GetString());
        var closedEvent = await env.InCatalogueDbAsync(db => db.OutboxMessages.Where(m => m.MessageType.Contains("ScenarioClosed") && m.Body.Contains(id.ToString())).ToListAsync());
        Assert.Contains("deadline", Assert.Single(closedEvent).Body, StringComparison.Ordinal);
        var matching = env.MatchingClient().As(Roles.Vendor, Guid.NewGuid());
        await Eventually.Until(() => matching.GetFromJsonAsync<JsonElement>("/api/matching/open-scenarios?pageSize=100"),
            page => !page.GetProperty("items").EnumerateArray().Any(s => s.GetProperty("scenarioId").GetGuid() == id),
            what: "matching to drop the closed scenario");
        await (await Officer().PostAsJsonAsync($"/api/catalogue/scenarios/{id}/amend", new { scenario = ScenarioBuilder.ValidBody("Too late"), summaryEn = "x", summaryZh = "遲" }))
            .ShouldBe(HttpStatusCode.Conflict);
    }
}

public sealed class DeadlineAndClarificationTests_Standalone(StandaloneEnvironment env) : DeadlineAndClarificationTests(env), IClassFixture<StandaloneEnvironment>;

public sealed class DeadlineAndClarificationTests_Distributed(DistributedEnvironment env) : DeadlineAndClarificationTests(env), IClassFixture<DistributedEnvironment>;
