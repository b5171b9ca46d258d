using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
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
        await using var identityDb = PostgresDatabase.Reserve("identity");
        await using var catalogueDb = PostgresDatabase.Reserve("catalogue");
        await using var matchingDb = PostgresDatabase.Reserve("matching");
        await using var fundingDb = PostgresDatabase.Reserve("funding");
        await using var talentDb = PostgresDatabase.Reserve("talent");
        await using var openDataDb = PostgresDatabase.Reserve("opendata");
        await using var webDb = PostgresDatabase.Reserve("web");
        await using var vhost = await RabbitVirtualHost.CreateAsync();
        await using var collector = new OtlpReceiver();
        Dictionary<string, string> Environment(string service, PostgresDatabase db) => new()
        {
            ["Database__Provider"] = "Postgres",
            [$"ConnectionStrings__{service}"] = db.ConnectionString,
            ["Messaging__Transport"] = "RabbitMq",
            ["Messaging__RabbitMqUri"] = vhost.Uri,
            ["Auth__Audience"] = TestServers.Audience,
            ["Telemetry__OtlpEndpoint"] = collector.Endpoint,
        };
        var identityDll = HostProcess.Dll("services/identity/Marketplace.Identity.Host", "Marketplace.Identity.Host");
        var catalogueDll = HostProcess.Dll("services/catalogue/Marketplace.Catalogue.Host", "Marketplace.Catalogue.Host");
        var matchingDll = HostProcess.Dll("services/matching/Marketplace.Matching.Host", "Marketplace.Matching.Host");
        var fundingDll = HostProcess.Dll("services/funding/Marketplace.Funding.Host", "Marketplace.Funding.Host");
        var talentDll = HostProcess.Dll("services/talent/Marketplace.Talent.Host", "Marketplace.Talent.Host");
        var openDataDll = HostProcess.Dll("services/opendata/Marketplace.OpenData.Host", "Marketplace.OpenData.Host");

        // Without the migration step, the service is not ready (its tables do not exist).
        var migrateIdentity = await HostProcess.RunToEndAsync(identityDll, Environment("identity", identityDb), "--migrate");
        Assert.True(migrateIdentity.ExitCode == 0, migrateIdentity.Output);
        var migrateCatalogue = await HostProcess.RunToEndAsync(catalogueDll, Environment("catalogue", catalogueDb), "--migrate");
        Assert.True(migrateCatalogue.ExitCode == 0, migrateCatalogue.Output);
        var migrateMatching = await HostProcess.RunToEndAsync(matchingDll, Environment("matching", matchingDb), "--migrate");
        Assert.True(migrateMatching.ExitCode == 0, migrateMatching.Output);
        var migrateFunding = await HostProcess.RunToEndAsync(fundingDll, Environment("funding", fundingDb), "--migrate");
        Assert.True(migrateFunding.ExitCode == 0, migrateFunding.Output);
        var migrateTalent = await HostProcess.RunToEndAsync(talentDll, Environment("talent", talentDb), "--migrate");
        Assert.True(migrateTalent.ExitCode == 0, migrateTalent.Output);
        var migrateOpenData = await HostProcess.RunToEndAsync(openDataDll, Environment("opendata", openDataDb), "--migrate");
        Assert.True(migrateOpenData.ExitCode == 0, migrateOpenData.Output);
        // The gateway's web UI keeps its sessions and key ring in a database of its own (shared by its replicas).
        var gatewayDll = HostProcess.Dll("gateway/Marketplace.Gateway", "Marketplace.Gateway");
        var gatewayDatabase = new Dictionary<string, string> { ["Database__Provider"] = "Postgres", ["ConnectionStrings__web"] = webDb.ConnectionString };
        var migrateGateway = await HostProcess.RunToEndAsync(gatewayDll, gatewayDatabase, "--migrate");
        Assert.True(migrateGateway.ExitCode == 0, migrateGateway.Output);

        // The identity service is the authority; the others trust it by its issuer URL and read its discovery document.
        var identityEnvironment = Environment("identity", identityDb);
        identityEnvironment["Auth__Authority"] = "";
        identityEnvironment["Identity__Issuer"] = TestServers.Issuer;
        identityEnvironment["Identity__BootstrapAdmin__Email"] = "admin@system.test";
        identityEnvironment["Identity__BootstrapAdmin__Password"] = "Bootstrap2026";
        await using var identity = await HostProcess.StartAsync(identityDll, identityEnvironment);
        Dictionary<string, string> Trusting(Dictionary<string, string> environment)
        {
            environment["Auth__Authority"] = TestServers.Issuer;
            environment["Auth__MetadataAddress"] = new Uri(identity.BaseAddress, "/api/identity/.well-known/openid-configuration").ToString();
            environment["Auth__RequireHttpsMetadata"] = "false";
            return environment;
        }
        // Deadlines seconds away, so the proposals open and the award is made within the test.
        var matchingEnvironment = Trusting(Environment("matching", matchingDb));
        matchingEnvironment["Matching__ProposalOpeningSeconds"] = "1";
        var catalogueEnvironment = Trusting(Environment("catalogue", catalogueDb));
        // A proposal period under a day is refused outside Development (a guard against a production misconfiguration).
        catalogueEnvironment["DOTNET_ENVIRONMENT"] = "Development";
        catalogueEnvironment["Catalogue__MinimumProposalPeriodDays"] = "0";
        catalogueEnvironment["Catalogue__DeadlineCheckSeconds"] = "1";
        await using var matching = await HostProcess.StartAsync(matchingDll, matchingEnvironment);
        // Every service host runs: the gateway is ready only when each service it routes to is.
        await using var funding = await HostProcess.StartAsync(fundingDll, Trusting(Environment("funding", fundingDb)));
        await using var talent = await HostProcess.StartAsync(talentDll, Trusting(Environment("talent", talentDb)));
        await using var openData = await HostProcess.StartAsync(openDataDll, Trusting(Environment("opendata", openDataDb)));
        await using var catalogue = await HostProcess.StartAsync(catalogueDll, catalogueEnvironment);
        // Everything below goes through the gateway, the single public entry.
        await using var gateway = await HostProcess.StartAsync(gatewayDll, Trusting(new Dictionary<string, string>(gatewayDatabase)
        {
            ["Gateway__Services__identity"] = identity.BaseAddress.ToString(),
            ["Gateway__Services__catalogue"] = catalogue.BaseAddress.ToString(),
            ["Gateway__Services__matching"] = matching.BaseAddress.ToString(),
            ["Gateway__Services__funding"] = funding.BaseAddress.ToString(),
            ["Gateway__Services__talent"] = talent.BaseAddress.ToString(),
            ["Gateway__Services__opendata"] = openData.BaseAddress.ToString(),
            ["Auth__Audience"] = TestServers.Audience,
            ["Telemetry__OtlpEndpoint"] = collector.Endpoint,
        }));

        // The administrator creates a department and invites its officer, who accepts and signs in.
        var admin = gateway.Client();
        admin.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer",
            await TokenEndpoint.SignInAsync(admin, "admin@system.test", "Bootstrap2026"));
        var department = await admin.PostAsJsonAsync("/api/identity/organisations",
            new { type = "Department", nameEn = "Transport Department", nameZh = "運輸署" });
        Assert.True(department.StatusCode == HttpStatusCode.Created,
            $"{department.StatusCode}: {await department.Content.ReadAsStringAsync()}\n--- identity ---\n{identity.Output}\n--- gateway ---\n{gateway.Output}");
        var departmentId = (await department.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
        var invitation = await admin.PostAsJsonAsync($"/api/identity/organisations/{departmentId}/invitations",
            new { email = "officer@td.system.test", role = "DepartmentOfficer", manager = true });
        Assert.Equal(HttpStatusCode.Created, invitation.StatusCode);
        var code = (await invitation.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("code").GetString();
        var accepted = await gateway.Client().PostAsJsonAsync("/api/identity/invitations/accept",
            new { code, email = "officer@td.system.test", name = "Wong Wing-sze", password = "Officer2026x", locale = "zh-HK" });
        Assert.Equal(HttpStatusCode.Created, accepted.StatusCode);
        var officerUserId = (await accepted.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();

        var officer = gateway.Client();
        officer.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer",
            await TokenEndpoint.SignInAsync(officer, "officer@td.system.test", "Officer2026x"));
        // A funding body's officer puts the Public Sector Trial Scheme in place, which the scenario targets.
        var fundingBody = await admin.PostAsJsonAsync("/api/identity/organisations",
            new { type = "FundingBody", nameEn = "Innovation and Technology Commission", nameZh = "創新科技署" });
        Assert.Equal(HttpStatusCode.Created, fundingBody.StatusCode);
        var fundingBodyId = (await fundingBody.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
        var fundingInvitation = await admin.PostAsJsonAsync($"/api/identity/organisations/{fundingBodyId}/invitations",
            new { email = "officer@itc.system.test", role = "FundingOfficer", manager = true });
        Assert.Equal(HttpStatusCode.Created, fundingInvitation.StatusCode);
        Assert.Equal(HttpStatusCode.Created, (await gateway.Client().PostAsJsonAsync("/api/identity/invitations/accept", new
        {
            code = (await fundingInvitation.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("code").GetString(),
            email = "officer@itc.system.test", name = "Cheung Mei-ling", password = "Funding2026x", locale = "en",
        })).StatusCode);
        var fundingOfficer = gateway.Client();
        fundingOfficer.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer",
            await TokenEndpoint.SignInAsync(fundingOfficer, "officer@itc.system.test", "Funding2026x"));
        var scheme = await fundingOfficer.PostAsJsonAsync("/api/funding/schemes", new
        {
            code = "PSTS", nameEn = "Public Sector Trial Scheme", nameZh = "公營機構試用計劃", descriptionEn = "Half of project cost.", descriptionZh = "資助項目成本一半。",
            basis = "PercentageOfEligibleCost", percentageOfEligibleCost = 50, eligibleCostTypes = new[] { "Manpower" },
            criteria = new[] { new { code = "impact", nameEn = "Impact", nameZh = "影響", maxScore = 10, passMark = 5 } },
            assessorCount = 1, opensAt = DateTimeOffset.UtcNow.AddDays(-1), closesAt = DateTimeOffset.UtcNow.AddYears(1),
        });
        Assert.True(scheme.StatusCode == HttpStatusCode.Created, $"{scheme.StatusCode}: {await scheme.Content.ReadAsStringAsync()}\n{funding.Output}");

        var created = await officer.PostAsJsonAsync("/api/catalogue/scenarios", new
        {
            titleEn = "Franchised bus arrival prediction",
            titleZh = "專營巴士到站時間預測",
            problemEn = "Arrival estimates drift during incidents.",
            problemZh = "交通事故期間到站預測偏差很大。",
            expectedOutcomesEn = "Estimates within two minutes for 90% of arrivals.",
            expectedOutcomesZh = "九成班次的預測誤差不多於兩分鐘。",
            area = "Mobility",
            sector = "transport",
            capabilities = new[] { "forecasting" },
            budgetMinHkd = 800_000,
            budgetMaxHkd = 2_500_000,
            dataResidency = "HongKongOnly",
            pilotDurationMonths = 12,
            targetSchemes = new[] { "PSTS" },
            kpis = new[] { new { nameEn = "Prediction error", nameZh = "預測誤差", target = "≤ 2 minutes for 90% of arrivals" } },
            dataDescriptionEn = "GPS positions of franchised buses every 10 seconds for two years.",
            dataDescriptionZh = "兩年內專營巴士每十秒的全球定位系統位置。",
            dataFormat = "CSV, GTFS",
            aiRiskTier = "Low",
            contactName = "Ms Wong, Senior Engineer",
            contactEmail = "ai-scenarios@td.gov.hk",
        });
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
        var registration = await gateway.Client().PostAsJsonAsync("/api/identity/registrations", new
        {
            organisation = new { nameEn = "Harbourlight Vision Limited", nameZh = "港光視覺有限公司", businessRegistrationNumber = "71845203", sizeClass = "Startup" },
            contact = new { email = "lam@harbourlight.system.test", name = "Lam Ho-yin", password = "Vendor2026xx", locale = "en" },
        });
        Assert.Equal(HttpStatusCode.Created, registration.StatusCode);
        var vendorId = (await registration.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("organisation").GetProperty("id").GetGuid();
        var pending = await TokenEndpoint.PasswordAsync(gateway.Client(), "lam@harbourlight.system.test", "Vendor2026xx");
        Assert.Equal("organisation-pending", (await pending.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("code").GetString());
        Assert.Equal(HttpStatusCode.OK, (await admin.PostAsync($"/api/identity/organisations/{vendorId}/approve", null)).StatusCode);
        var vendor = gateway.Client();
        vendor.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer",
            await TokenEndpoint.SignInAsync(vendor, "lam@harbourlight.system.test", "Vendor2026xx"));
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

        foreach (var host in new[] { identity, catalogue, matching, funding, talent, openData, gateway })
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
