using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Marketplace.Testing;

namespace Marketplace.SystemTests;

/// <summary>The per-service hosts and the gateway as separate processes on PostgreSQL and RabbitMQ, deployed as documented.</summary>
public sealed class DistributedProcessTests
{
    [Fact]
    public async Task Services_migrate_with_the_explicit_step_and_carry_a_scenario_from_publication_to_a_funding_application_over_RabbitMQ()
    {
        await using var collector = new OtlpReceiver();
        await using var hosts = await DistributedHosts.StartAsync((host, environment) =>
        {
            environment["Telemetry__OtlpEndpoint"] = collector.Endpoint;
            switch (host)
            {
                // Deadlines seconds away, so the proposals open and the award is made within the test.
                case "matching":
                    environment["Matching__ProposalOpeningSeconds"] = "1";
                    break;
                case "catalogue":
                    // A proposal period under a day is refused outside Development (a guard against a production misconfiguration).
                    environment["DOTNET_ENVIRONMENT"] = "Development";
                    environment["Catalogue__MinimumProposalPeriodDays"] = "0";
                    environment["Catalogue__DeadlineCheckSeconds"] = "1";
                    break;
            }
        });
        var (catalogue, matching, funding, gateway) = (hosts["catalogue"], hosts["matching"], hosts["funding"], hosts[DistributedHosts.Gateway]);
        var (fundingDb, talentDb) = (hosts.Database("funding"), hosts.Database("talent"));

        // Everything below goes through the gateway, the single public entry.
        // The administrator creates a department and invites its officer, who accepts and signs in.
        var admin = await Onboarding.SignedInClientAsync(gateway, new Person(DistributedHosts.AdminEmail, "", DistributedHosts.AdminPassword));
        var officerPerson = new Person("officer@td.system.test", "Wong Wing-sze", "Officer2026x", "zh-HK");
        var (_, officerUserId) = await Onboarding.InvitedManagerAsync(admin, gateway.Client(), "Department", "Transport Department", "運輸署", "DepartmentOfficer", officerPerson);
        var officer = await Onboarding.SignedInClientAsync(gateway, officerPerson);
        // A funding body's officer puts the Public Sector Trial Scheme in place, which the scenario targets.
        var fundingPerson = new Person("officer@itc.system.test", "Cheung Mei-ling", "Funding2026x");
        await Onboarding.InvitedManagerAsync(admin, gateway.Client(), "FundingBody", "Innovation and Technology Commission", "創新科技署", "FundingOfficer", fundingPerson);
        var fundingOfficer = await Onboarding.SignedInClientAsync(gateway, fundingPerson);
        var scheme = await fundingOfficer.PostAsJsonAsync("/api/funding/schemes", new
        {
            code = "PSTS", nameEn = "Public Sector Trial Scheme", nameZh = "公營機構試用計劃", descriptionEn = "Half of project cost.", descriptionZh = "資助項目成本一半。",
            basis = "PercentageOfEligibleCost", percentageOfEligibleCost = 50, eligibleCostTypes = new[] { "Manpower" },
            criteria = new[] { new { code = "impact", nameEn = "Impact", nameZh = "影響", maxScore = 10, passMark = 5 } },
            assessorCount = 1, opensAt = DateTimeOffset.UtcNow.AddDays(-1), closesAt = DateTimeOffset.UtcNow.AddYears(1),
        });
        Assert.True(scheme.StatusCode == HttpStatusCode.Created, $"{scheme.StatusCode}: {await scheme.Content.ReadAsStringAsync()}\n{funding.Output}");

        var created = await officer.PostAsJsonAsync("/api/catalogue/scenarios", SampleScenario.Body());
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var id = (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
        // The administrator opens a batch, the officer submits to it, the administrator approves and publishes the batch.
        // Long enough for the vendor below to register and bid on a loaded machine; the test waits out the rest.
        var deadline = DateTimeOffset.UtcNow.AddSeconds(45);
        var batch = await admin.PostAsJsonAsync("/api/catalogue/batches", new
        {
            year = 2027, number = 1, descriptionEn = "Transport scenarios", descriptionZh = "運輸情境", proposalDeadline = deadline,
        });
        Assert.Equal(HttpStatusCode.Created, batch.StatusCode);
        var batchId = (await batch.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
        Assert.Equal(HttpStatusCode.OK, (await officer.PostAsJsonAsync($"/api/catalogue/scenarios/{id}/submit", new { batchId })).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await admin.PostAsync($"/api/catalogue/scenarios/{id}/approve", null)).StatusCode);
        // The caller starts the trace (W3C traceparent) and sends an id of its own, which is kept beside it.
        var traceId = ActivityTraceId.CreateRandom().ToHexString();
        var callerSpanId = ActivitySpanId.CreateRandom().ToHexString();
        var callerId = "system-test-" + Guid.NewGuid().ToString("N");
        using var publish = new HttpRequestMessage(HttpMethod.Post, $"/api/catalogue/batches/{batchId}/publish");
        publish.Headers.Add("traceparent", $"00-{traceId}-{callerSpanId}-01");
        publish.Headers.Add("X-Correlation-ID", callerId);
        var published = await admin.SendAsync(publish);
        Assert.Equal(HttpStatusCode.OK, published.StatusCode);
        Assert.Equal(traceId, published.Headers.GetValues("X-Correlation-ID").Single());

        // A vendor registers itself, waits for approval, then signs in.
        var vendorPerson = new Person("lam@harbourlight.system.test", "Lam Ho-yin", "Vendor2026xx");
        var vendorId = await Onboarding.RegisteredVendorAsync(gateway.Client(), "Harbourlight Vision Limited", "港光視覺有限公司", "71845203", vendorPerson);
        var pending = await TokenEndpoint.PasswordAsync(gateway.Client(), vendorPerson.Email, vendorPerson.Password);
        Assert.Equal("organisation-pending", (await pending.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("code").GetString());
        Assert.Equal(HttpStatusCode.OK, (await admin.PostAsync($"/api/identity/organisations/{vendorId}/approve", null)).StatusCode);
        var vendor = await Onboarding.SignedInClientAsync(gateway, vendorPerson);
        var open = await Eventually.Until(
            () => vendor.GetFromJsonAsync<JsonElement>("/api/matching/open-scenarios"),
            page => page.GetProperty("totalCount").GetInt32() == 1,
            what: "the published scenario to reach the matching process over RabbitMQ");
        Assert.Equal(id, open.GetProperty("items")[0].GetProperty("scenarioId").GetGuid());
        var draft = await vendor.PostAsJsonAsync($"/api/matching/scenarios/{id}/proposals", new
        {
            approach = "Gradient-boosted arrival model on live GPS", priceHkd = 2_000_000m, durationMonths = 12, dataResidencyCompliant = true,
            supportLevel = "Office hours", teamRoles = new[] { new { skill = "Forecasting", seniority = "Senior" } },
        });
        Assert.True(draft.StatusCode == HttpStatusCode.Created, $"{draft.StatusCode}: {await draft.Content.ReadAsStringAsync()}");
        var proposalId = (await draft.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
        Assert.Equal(HttpStatusCode.OK, (await vendor.PostAsync($"/api/matching/proposals/{proposalId}/submit", null)).StatusCode);
        // The publication is open data too: the tender's release reaches the open-data process over RabbitMQ, public through the gateway.
        var record = await Eventually.Until(
            async () => await gateway.Client().GetAsync($"/api/opendata/records/ocds-hkaism-{id}"),
            r => r.StatusCode == HttpStatusCode.OK, what: "the tender's release in the open-data process");
        var compiled = (await record.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("records")[0].GetProperty("compiledRelease");
        Assert.Equal("Franchised bus arrival prediction", compiled.GetProperty("tender").GetProperty("title").GetString());

        // The request's trace follows the event: the catalogue's publish log and the matching
        // consumer's log (structured JSON) both carry its trace id.
        var traceInLogs = $"\"TraceId\":\"{traceId}\"";
        await Eventually.Until(() => Task.FromResult(matching.Output), o => o.Contains(traceInLogs, StringComparison.Ordinal),
            what: "the trace id in the matching service's logs");
        Assert.Contains(traceInLogs, catalogue.Output);

        // One trace from the caller to the consumer: the consumer's span descends, through the outbox
        // publish and the catalogue's request, from the gateway's span for the caller's request.
        var chain = await Eventually.Until(
            () => Task.FromResult(ConsumerAncestry(collector.Spans.Where(s => s.TraceId == traceId).ToList())),
            spans => spans is [.., { Service: "gateway", Kind: OtlpSpanKind.Server }],
            TimeSpan.FromSeconds(60), "the consumer's span and its ancestors up to the gateway over OTLP");
        Assert.Equal(callerSpanId, chain[^1].ParentSpanId);
        Assert.Equal(callerId, chain[^1].Attributes.GetValueOrDefault("marketplace.caller_correlation_id"));
        Assert.Contains(chain, s => s is { Service: "gateway", Kind: OtlpSpanKind.Client });
        Assert.Contains(chain, s => s is { Service: "catalogue", Kind: OtlpSpanKind.Server });
        Assert.Contains(chain, s => s is { Service: "catalogue", Name: "outbox publish" });
        Assert.Contains(chain, s => s is { Service: "catalogue", Kind: OtlpSpanKind.Producer });

        // After the deadline the department evaluates and awards; the award reaches the funding process over RabbitMQ and opens
        // exactly one application in its own database, and the talent process turns the proposal's team into staffing requirements.
        await Eventually.Until(() => officer.GetAsync($"/api/matching/scenarios/{id}/proposals"), r => r.StatusCode == HttpStatusCode.OK,
            deadline - DateTimeOffset.UtcNow + TimeSpan.FromSeconds(60), "the proposals to open at the deadline");
        Assert.Equal(HttpStatusCode.OK, (await officer.PutAsJsonAsync($"/api/matching/scenarios/{id}/evaluation",
            new { quality = 60, price = 30, innovation = 10, evaluators = new[] { officerUserId.ToString() } })).StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, (await officer.PostAsJsonAsync($"/api/matching/proposals/{proposalId}/declaration", new { conflict = false })).StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, (await officer.PostAsJsonAsync($"/api/matching/proposals/{proposalId}/scores",
            new { quality = 50, innovation = 8, comment = "Accurate in the back-test" })).StatusCode);
        var awarded = await officer.PostAsJsonAsync($"/api/matching/scenarios/{id}/award", new { proposalId, justification = "Only and well-scored proposal" });
        Assert.True(awarded.StatusCode == HttpStatusCode.OK, $"{awarded.StatusCode}: {await awarded.Content.ReadAsStringAsync()}");
        await Eventually.Until(() => fundingDb.CountAsync($"SELECT count(*) FROM applications WHERE \"ScenarioId\" = '{id}'"), n => n >= 1,
            TimeSpan.FromSeconds(60), "the award to open a funding application in the funding process");
        await Eventually.Until(() => talentDb.CountAsync($"SELECT count(*) FROM requirements r JOIN projects p ON p.\"ProjectId\" = r.\"ProjectId\" WHERE p.\"ScenarioId\" = '{id}'"),
            n => n == 1, TimeSpan.FromSeconds(60), "the award to become a staffing requirement in the talent process");
        var applications = await Eventually.Until(() => fundingOfficer.GetFromJsonAsync<JsonElement>("/api/funding/applications"),
            page => page.GetProperty("totalCount").GetInt32() >= 1, what: "the application in the funding officer's queue");
        Assert.Equal(1, applications.GetProperty("totalCount").GetInt32());
        Assert.Equal(1, await fundingDb.CountAsync($"SELECT count(*) FROM applications WHERE \"ScenarioId\" = '{id}'"));
        Assert.Equal(1, await fundingDb.CountAsync("SELECT count(*) FROM inbox_messages WHERE \"Consumer\" = 'ProjectAwardedConsumer'"));

        foreach (var (_, host) in hosts.All)
        {
            var ready = await host.Client().GetFromJsonAsync<JsonElement>("/health/ready");
            Assert.Equal("Healthy", ready.GetProperty("status").GetString());
        }
        var openApi = await gateway.Client().GetFromJsonAsync<JsonElement>("/openapi/matching.json");
        Assert.True(openApi.GetProperty("paths").TryGetProperty("/api/matching/open-scenarios", out _));
        var talentApi = await gateway.Client().GetFromJsonAsync<JsonElement>("/openapi/talent.json");
        Assert.True(talentApi.GetProperty("paths").TryGetProperty("/api/talent/skills", out _));
        var skills = await gateway.Client().GetFromJsonAsync<JsonElement>("/api/talent/skills?pageSize=100");
        Assert.Contains(skills.GetProperty("items").EnumerateArray(), s => s.GetProperty("uri").GetString() == "https://marketplace.hk/skills/computer-vision");
    }

    /// <summary>A matching consumer span of the trace followed up through its parents, as far as they were exported.</summary>
    private static List<OtlpSpan> ConsumerAncestry(List<OtlpSpan> trace)
    {
        var byId = trace.DistinctBy(s => s.SpanId).ToDictionary(s => s.SpanId);
        var longest = new List<OtlpSpan>();
        foreach (var consumer in trace.Where(s => s is { Service: "matching", Kind: OtlpSpanKind.Consumer }))
        {
            var chain = new List<OtlpSpan>();
            for (var span = consumer; span is not null && chain.Count < 50; span = byId.GetValueOrDefault(span.ParentSpanId))
            {
                chain.Add(span);
            }
            if (chain.Count > longest.Count)
            {
                longest = chain;
            }
        }
        return longest;
    }
}
