using System.Net;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Marketplace.IntegrationTests.Infrastructure;
using Marketplace.ServiceDefaults.Auth;
using Marketplace.Testing;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Marketplace.IntegrationTests.Matching;

/// <summary>Sealed proposals, receipts, amendments and the deadline; run once per runtime mode (own environment: the clock moves).</summary>
public abstract class SealedProposalTests(MarketplaceEnvironment env)
{
    private static readonly JsonSerializerOptions s_web = new(JsonSerializerDefaults.Web);

    private readonly Guid _department = Guid.NewGuid();
    private readonly Guid _vendor = Guid.NewGuid();

    private HttpClient Vendor() => env.MatchingClient().As(Roles.Vendor, _vendor);

    private static object Body(string approach, decimal price = 1_800_000) => new
    {
        approach,
        priceHkd = price,
        durationMonths = 12,
        dataResidencyCompliant = true,
        supportLevel = "Office hours, 4-hour response",
        teamRoles = new[] { new { skill = "Computer vision", seniority = "Senior", talentId = (Guid?)null } },
    };

    private async Task<Guid> OpenScenarioAsync()
    {
        var officer = env.CatalogueClient().As(Roles.DepartmentOfficer, _department);
        var id = (await ScenarioBuilder.CreatePublishedAsync(env, officer)).GetProperty("id").GetGuid();
        await Eventually.Until(() => env.InMatchingDbAsync(db => db.OpenScenarios.AnyAsync(s => s.ScenarioId == id && s.PublishedAt != null)), known => known,
            what: "matching to learn of the scenario");
        return id;
    }

    [Fact]
    public async Task A_submitted_proposal_gets_a_receipt_of_its_canonical_content_and_nothing_reveals_it_before_the_deadline()
    {
        var scenario = await OpenScenarioAsync();
        var marker = "SEALED-" + Guid.NewGuid().ToString("N");
        var created = await Vendor().PostAsJsonAsync($"/api/matching/scenarios/{scenario}/proposals", Body($"Our approach {marker}"));
        await created.ShouldBe(HttpStatusCode.Created);
        var id = (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
        var bad = await Vendor().PostAsJsonAsync($"/api/matching/scenarios/{scenario}/proposals", new { approach = marker, priceHkd = -1 });
        await bad.ShouldBe(HttpStatusCode.BadRequest);
        Assert.DoesNotContain(marker, await bad.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        var submitted = await Vendor().PostAsync($"/api/matching/proposals/{id}/submit", null);
        await submitted.ShouldBe(HttpStatusCode.OK);
        var receipt = await submitted.Content.ReadFromJsonAsync<JsonElement>();
        // The canonical form: camelCase fields in order, no whitespace, the price with two decimals.
        var canonical = JsonSerializer.Serialize(Body($"Our approach {marker}", 1_800_000.00m), s_web);
        Assert.Equal(Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(canonical))), receipt.GetProperty("sha256").GetString());
        Assert.Equal(env.Clock.GetUtcNow(), receipt.GetProperty("submittedAt").GetDateTimeOffset());

        // Every read endpoint of every service, as every role of the department and of other vendors: no content.
        var seen = new List<string>();
        var hosts = new[] { env.IdentityServices, env.CatalogueServices, env.MatchingServices }.Distinct().ToList();
        var clients = new Func<HttpClient>[] { env.IdentityClient, env.CatalogueClient, env.MatchingClient };
        for (var h = 0; h < 3; h++)
        {
            var services = new[] { env.IdentityServices, env.CatalogueServices, env.MatchingServices }[h];
            if (h > 0 && hosts.Count == 1)
            {
                break;
            }
            foreach (var endpoint in services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>())
            {
                if (endpoint.Metadata.GetMetadata<HttpMethodMetadata>()?.HttpMethods.Contains("GET") != true)
                {
                    continue;
                }
                var path = endpoint.RoutePattern.RawText!
                    .Replace("{scenarioId:guid}", scenario.ToString(), StringComparison.Ordinal)
                    .Replace("{id:guid}", endpoint.RoutePattern.RawText!.Contains("/proposals/", StringComparison.Ordinal) ? id.ToString() : scenario.ToString(), StringComparison.Ordinal)
                    .Replace("{documentName}", "matching", StringComparison.Ordinal);
                if (path.Contains('{', StringComparison.Ordinal))
                {
                    continue;
                }
                foreach (var role in Roles.All)
                {
                    var organisation = role == Roles.DepartmentOfficer ? _department : Guid.NewGuid();
                    using var response = await clients[h]().As(role, organisation).GetAsync(path);
                    seen.Add($"{path} as {role}: {await response.Content.ReadAsStringAsync()}");
                }
                using var anonymous = await clients[h]().GetAsync(path);
                seen.Add($"{path} anonymous: {await anonymous.Content.ReadAsStringAsync()}");
            }
        }
        Assert.True(seen.Count > 50, $"only {seen.Count} reads were made");
        Assert.DoesNotContain(seen, s => s.Contains(marker, StringComparison.Ordinal));
        // Nor any event, nor the audit trail.
        var stored = await env.InMatchingDbAsync(async db =>
            (await db.OutboxMessages.Select(m => m.Body).ToListAsync()).Concat(await db.AuditLog.Select(a => a.Changes).ToListAsync()).ToList());
        Assert.NotEmpty(stored);
        Assert.DoesNotContain(stored, s => s.Contains(marker, StringComparison.Ordinal) || s.Contains("1800000", StringComparison.Ordinal));

        // Only the author sees it.
        var mine = await Vendor().GetFromJsonAsync<JsonElement>($"/api/matching/proposals/{id}");
        Assert.Contains(marker, mine.GetProperty("approach").GetString(), StringComparison.Ordinal);
        var sealedAnswer = await env.MatchingClient().As(Roles.DepartmentOfficer, _department).GetAsync($"/api/matching/scenarios/{scenario}/proposals");
        await sealedAnswer.ShouldBe(HttpStatusCode.Conflict);
        Assert.Equal("proposals-sealed", (await sealedAnswer.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("code").GetString());
    }

    [Fact]
    public async Task Amendments_need_reconfirmation_the_deadline_refuses_late_changes_and_opens_verified_proposals_even_after_downtime()
    {
        var scenario = await OpenScenarioAsync();
        var confirmed = await CreateSubmittedAsync(scenario, "Confirmed approach");
        var unconfirmed = await CreateSubmittedAsync(scenario, "Unconfirmed approach");
        var withdrawn = await CreateSubmittedAsync(scenario, "Withdrawn approach");
        await (await Vendor().PostAsync($"/api/matching/proposals/{withdrawn}/withdraw", null)).ShouldBe(HttpStatusCode.OK);

        var officer = env.CatalogueClient().As(Roles.DepartmentOfficer, _department);
        var body = ScenarioBuilder.ValidBody("AI triage of A&E waiting times (amended)");
        await (await officer.PostAsJsonAsync($"/api/catalogue/scenarios/{scenario}/amend", new { scenario = body, summaryEn = "Title", summaryZh = "標題" })).ShouldBe(HttpStatusCode.OK);
        var needs = await Eventually.Until(() => Vendor().GetFromJsonAsync<JsonElement>($"/api/matching/proposals/{confirmed}"),
            p => p.GetProperty("needsReconfirmation").GetBoolean(), what: "the amendment to reach matching");
        Assert.True(needs.GetProperty("needsReconfirmation").GetBoolean());
        // Each submitted bid's vendor is told to reconfirm, once however often the amendment arrives; a withdrawn bid is not.
        var reconfirm = (await Vendor().GetFromJsonAsync<JsonElement>("/api/matching/notifications?kind=ReconfirmationNeeded&pageSize=100"))
            .GetProperty("items").EnumerateArray().Where(n => n.GetProperty("scenarioId").GetGuid() == scenario).ToList();
        Assert.Equal(new[] { confirmed, unconfirmed }.Order(), reconfirm.Select(n => n.GetProperty("proposalId").GetGuid()).Order());
        Assert.All(reconfirm, n => Assert.Contains("重新確認", n.GetProperty("bodyZh").GetString(), StringComparison.Ordinal));
        await (await Vendor().PostAsync($"/api/matching/proposals/{confirmed}/reconfirm", null)).ShouldBe(HttpStatusCode.OK);

        // Matching is down when the deadline passes; late changes are refused, and the proposals open on start-up.
        env.Clock.Advance(TimeSpan.FromDays(31));
        var late = await Vendor().PostAsync($"/api/matching/proposals/{unconfirmed}/reconfirm", null);
        await late.ShouldBe(HttpStatusCode.Conflict);
        var problem = await late.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("deadline-passed", problem.GetProperty("code").GetString());
        Assert.Contains("Hong Kong time", problem.GetProperty("detail").GetString());
        await env.RestartMatchingAsync();

        var department = env.MatchingClient().As(Roles.DepartmentOfficer, _department);
        var opened = await Eventually.Until(async () =>
        {
            var response = await department.GetAsync($"/api/matching/scenarios/{scenario}/proposals");
            return response.IsSuccessStatusCode ? await response.Content.ReadFromJsonAsync<JsonElement>() : default;
        }, p => p.ValueKind == JsonValueKind.Array, what: "the proposals to open after the restart");
        var proposal = Assert.Single(opened.EnumerateArray().ToList());
        Assert.Equal(confirmed, proposal.GetProperty("id").GetGuid());
        Assert.True(proposal.GetProperty("verifiedAtOpening").GetBoolean());
        // Opened, but content waits for an evaluator's conflict declaration.
        Assert.True(proposal.GetProperty("hidden").GetBoolean());
        Assert.Equal("not-an-evaluator", proposal.GetProperty("hiddenReason").GetProperty("code").GetString());
        Assert.Equal(JsonValueKind.Null, proposal.GetProperty("approach").ValueKind);
        Assert.Equal(JsonValueKind.Null, proposal.GetProperty("priceHkd").ValueKind);
        await (await department.GetAsync($"/api/matching/proposals/{confirmed}")).ShouldBe(HttpStatusCode.Forbidden);
        await (await department.GetAsync($"/api/matching/proposals/{unconfirmed}")).ShouldBe(HttpStatusCode.NotFound);
        await (await env.MatchingClient().As(Roles.DepartmentOfficer, Guid.NewGuid()).GetAsync($"/api/matching/scenarios/{scenario}/proposals")).ShouldBe(HttpStatusCode.Forbidden);
        var events = await env.InMatchingDbAsync(db => db.OutboxMessages.Where(m => m.MessageType.Contains("ProposalsOpened") && m.Body.Contains(scenario.ToString())).ToListAsync());
        Assert.Contains("\"proposalCount\":1", Assert.Single(events).Body, StringComparison.Ordinal);
    }

    private async Task<Guid> CreateSubmittedAsync(Guid scenario, string approach)
    {
        var created = await Vendor().PostAsJsonAsync($"/api/matching/scenarios/{scenario}/proposals", Body(approach));
        await created.ShouldBe(HttpStatusCode.Created);
        var id = (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
        await (await Vendor().PostAsync($"/api/matching/proposals/{id}/submit", null)).ShouldBe(HttpStatusCode.OK);
        return id;
    }
}

public sealed class SealedProposalTests_Standalone(StandaloneEnvironment env) : SealedProposalTests(env), IClassFixture<StandaloneEnvironment>;

public sealed class SealedProposalTests_Distributed(DistributedEnvironment env) : SealedProposalTests(env), IClassFixture<DistributedEnvironment>;
