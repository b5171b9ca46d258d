using System.Net;
using System.Net.Http.Json;
using System.Text;
using Marketplace.IntegrationTests.Infrastructure;
using Marketplace.ServiceDefaults.Auth;
using Marketplace.Testing;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace Marketplace.IntegrationTests.Identity;

/// <summary>
/// Calls every endpoint of every running service as anonymous and as every role, once as a member of
/// the organisation that owns the resource and once as a member of another, and compares the status
/// with the expected access below. The endpoints come from the running apps: one added without an
/// entry here fails the test until someone states who may call it.
/// </summary>
public abstract class AuthorizationMatrixTests(MarketplaceEnvironment env)
{
    private enum Access
    {
        /// <summary>403 whatever the organisation.</summary>
        Denied,
        /// <summary>Never 401/403 (the answer may still be 400, 404 or 409 for what was sent).</summary>
        Allowed,
        /// <summary>Allowed for the owning organisation (its managers, for organisation administration); 403 or 404 for another.</summary>
        OwnOnly,
    }

    private sealed record Rule(bool Anonymous, IReadOnlyDictionary<string, Access> Roles);

    private static Rule Public { get; } = new(true, Roles.All.ToDictionary(r => r, _ => Access.Allowed));

    private static Rule AnyUser { get; } = new(false, Roles.All.ToDictionary(r => r, _ => Access.Allowed));

    private static Rule Only(params string[] roles) => new(false, Roles.All.ToDictionary(r => r, r => roles.Contains(r) ? Access.Allowed : Access.Denied));

    private static Rule Own(string[] own, params string[] anywhere) => new(false, Roles.All.ToDictionary(r => r,
        r => anywhere.Contains(r) ? Access.Allowed : own.Contains(r) ? Access.OwnOnly : Access.Denied));

    /// <summary>Organisation administration: administrators anywhere; the managers of the organisation itself.</summary>
    private static Rule Managers { get; } = Own(
        [Roles.DepartmentOfficer, Roles.Vendor, Roles.FundingOfficer, Roles.Assessor, Roles.ChamberMember], Roles.Admin);

    private static readonly Dictionary<string, Rule> s_expected = new()
    {
        ["GET /health/live"] = Public,
        ["GET /health/ready"] = Public,
        ["GET /openapi/{documentName}.json"] = Public,

        ["GET /api/identity/.well-known/openid-configuration"] = Public,
        ["GET /api/identity/.well-known/jwks"] = Public,
        ["POST /api/identity/connect/token"] = Public,
        ["POST /api/identity/connect/revocation"] = Public,
        ["GET /api/identity/connect/authorize"] = Public,
        ["POST /api/identity/connect/authorize"] = Public,
        ["GET /api/identity/connect/endsession"] = Public,
        ["POST /api/identity/connect/endsession"] = Public,
        ["GET /api/identity/account/sign-in"] = Public,
        ["POST /api/identity/account/sign-in"] = Public,
        ["GET /api/identity/connect/userinfo"] = AnyUser,
        ["POST /api/identity/registrations"] = Public,
        ["POST /api/identity/invitations/accept"] = Public,
        ["GET /api/identity/organisations"] = Only(Roles.Admin),
        ["POST /api/identity/organisations"] = Only(Roles.Admin),
        ["GET /api/identity/organisations/{id:guid}"] = Own(
            [Roles.DepartmentOfficer, Roles.Vendor, Roles.FundingOfficer, Roles.Assessor, Roles.ChamberMember], Roles.Admin),
        ["PUT /api/identity/organisations/{id:guid}"] = Managers,
        ["POST /api/identity/organisations/{id:guid}/approve"] = Only(Roles.Admin),
        ["POST /api/identity/organisations/{id:guid}/reject"] = Only(Roles.Admin),
        ["POST /api/identity/organisations/{id:guid}/suspend"] = Only(Roles.Admin),
        ["POST /api/identity/organisations/{id:guid}/reinstate"] = Only(Roles.Admin),
        ["GET /api/identity/organisations/{organisationId:guid}/members"] = Managers,
        ["PUT /api/identity/organisations/{organisationId:guid}/members/{userId:guid}"] = Managers,
        ["DELETE /api/identity/organisations/{organisationId:guid}/members/{userId:guid}"] = Managers,
        ["GET /api/identity/organisations/{organisationId:guid}/invitations"] = Managers,
        ["POST /api/identity/organisations/{organisationId:guid}/invitations"] = Managers,
        ["DELETE /api/identity/organisations/{organisationId:guid}/invitations/{invitationId:guid}"] = Managers,
        ["GET /api/identity/organisations/{organisationId:guid}/clients"] = Managers,
        ["POST /api/identity/organisations/{organisationId:guid}/clients"] = Managers,
        ["DELETE /api/identity/organisations/{organisationId:guid}/clients/{clientId:guid}"] = Managers,
        ["GET /api/identity/me"] = AnyUser,
        ["PUT /api/identity/me"] = AnyUser,
        ["POST /api/identity/me/password"] = AnyUser,
        ["POST /api/identity/users"] = Only(Roles.Admin),
        ["POST /api/identity/users/{userId:guid}/unlock"] = Only(Roles.Admin),
        ["GET /api/identity/keys"] = Only(Roles.Admin),
        ["POST /api/identity/keys/rotate"] = Only(Roles.Admin),
        ["GET /api/identity/admin/outbox/dead-letters"] = Only(Roles.Admin),
        ["POST /api/identity/admin/outbox/{messageId:guid}/requeue"] = Only(Roles.Admin),

        ["GET /api/catalogue/taxonomy"] = Public,
        ["GET /api/catalogue/scenarios"] = Public,
        ["GET /api/catalogue/scenarios/{id:guid}"] = Public,
        ["POST /api/catalogue/scenarios"] = Only(Roles.DepartmentOfficer),
        ["PUT /api/catalogue/scenarios/{id:guid}"] = Own([Roles.DepartmentOfficer]),
        ["GET /api/catalogue/scenarios/{id:guid}/amendments"] = Public,
        ["POST /api/catalogue/scenarios/{id:guid}/submit"] = Own([Roles.DepartmentOfficer]),
        ["POST /api/catalogue/scenarios/{id:guid}/approve"] = Only(Roles.Admin),
        ["POST /api/catalogue/scenarios/{id:guid}/return"] = Only(Roles.Admin),
        ["POST /api/catalogue/scenarios/{id:guid}/amend"] = Own([Roles.DepartmentOfficer]),
        ["POST /api/catalogue/scenarios/{id:guid}/unsuccessful"] = Own([Roles.DepartmentOfficer]),
        ["POST /api/catalogue/scenarios/{id:guid}/start-delivery"] = Own([Roles.DepartmentOfficer]),
        ["GET /api/catalogue/scenarios/{id:guid}/clarifications"] = Public,
        ["POST /api/catalogue/scenarios/{id:guid}/clarifications"] = Only(Roles.Vendor),
        ["POST /api/catalogue/scenarios/{id:guid}/clarifications/{clarificationId:guid}/answer"] = Own([Roles.DepartmentOfficer]),
        ["GET /api/catalogue/batches"] = Public,
        ["GET /api/catalogue/batches/{id:guid}"] = Public,
        ["POST /api/catalogue/batches"] = Only(Roles.Admin),
        ["PUT /api/catalogue/batches/{id:guid}"] = Only(Roles.Admin),
        ["POST /api/catalogue/batches/{id:guid}/publish"] = Only(Roles.Admin),
        ["GET /api/catalogue/statistics"] = Only(Roles.Admin),
        ["GET /api/catalogue/scenarios/{id:guid}/history"] = Own([Roles.DepartmentOfficer], Roles.Admin),
        ["POST /api/catalogue/scenarios/{id:guid}/cancel"] = Own([Roles.DepartmentOfficer], Roles.Admin),

        ["GET /api/catalogue/saved-searches"] = AnyUser,
        ["POST /api/catalogue/saved-searches"] = AnyUser,
        ["PUT /api/catalogue/saved-searches/{id:guid}"] = AnyUser,
        ["DELETE /api/catalogue/saved-searches/{id:guid}"] = AnyUser,
        ["GET /api/catalogue/scenarios/{id:guid}/mute"] = AnyUser,
        ["POST /api/catalogue/scenarios/{id:guid}/mute"] = AnyUser,
        ["DELETE /api/catalogue/scenarios/{id:guid}/mute"] = AnyUser,
        ["GET /api/catalogue/notifications"] = AnyUser,
        ["POST /api/catalogue/notifications/{id:guid}/read"] = AnyUser,
        ["POST /api/catalogue/notifications/read-all"] = AnyUser,
        ["GET /api/catalogue/success-cases"] = Public,
        ["GET /api/catalogue/success-cases/{id:guid}"] = Public,
        ["POST /api/catalogue/success-cases"] = Only(Roles.DepartmentOfficer),
        ["PUT /api/catalogue/success-cases/{id:guid}"] = Own([Roles.DepartmentOfficer]),
        ["POST /api/catalogue/success-cases/{id:guid}/approve"] = Own([Roles.DepartmentOfficer, Roles.Vendor]),
        ["POST /api/catalogue/success-cases/{id:guid}/interests"] = Only(Roles.ChamberMember),
        ["GET /api/catalogue/success-cases/{id:guid}/interests"] = Own([Roles.DepartmentOfficer, Roles.Vendor], Roles.Admin, Roles.ChamberMember),
        ["GET /api/catalogue/solutions"] = Public,
        ["GET /api/catalogue/solutions/{id:guid}"] = Public,
        ["POST /api/catalogue/solutions"] = Only(Roles.Vendor),
        ["PUT /api/catalogue/solutions/{id:guid}"] = Own([Roles.Vendor]),
        ["POST /api/catalogue/solutions/{id:guid}/publish"] = Own([Roles.Vendor]),
        ["POST /api/catalogue/solutions/{id:guid}/withdraw"] = Own([Roles.Vendor]),
        ["GET /api/catalogue/admin/outbox/dead-letters"] = Only(Roles.Admin),
        ["POST /api/catalogue/admin/outbox/{messageId:guid}/requeue"] = Only(Roles.Admin),

        ["GET /api/matching/open-scenarios"] = Only(Roles.Vendor, Roles.DepartmentOfficer, Roles.Admin),
        ["GET /api/matching/scenarios/{scenarioId:guid}/recommended-vendors"] = Own([Roles.DepartmentOfficer], Roles.Admin),
        ["GET /api/matching/recommended-scenarios"] = Only(Roles.Vendor),
        ["POST /api/matching/scenarios/{scenarioId:guid}/proposals"] = Only(Roles.Vendor),
        ["GET /api/matching/scenarios/{scenarioId:guid}/proposals"] = Own([Roles.DepartmentOfficer], Roles.Admin),
        ["GET /api/matching/proposals/mine"] = Only(Roles.Vendor),
        ["GET /api/matching/proposals/{id:guid}"] = Own([Roles.Vendor, Roles.DepartmentOfficer]),
        ["PUT /api/matching/proposals/{id:guid}"] = Own([Roles.Vendor]),
        ["POST /api/matching/proposals/{id:guid}/submit"] = Own([Roles.Vendor]),
        ["POST /api/matching/proposals/{id:guid}/withdraw"] = Own([Roles.Vendor]),
        ["POST /api/matching/proposals/{id:guid}/reconfirm"] = Own([Roles.Vendor]),
        // Beyond the department: its evaluators and organisation managers only (answered 409 here: the proposals are still sealed).
        ["GET /api/matching/scenarios/{scenarioId:guid}/evaluation"] = Own([Roles.DepartmentOfficer]),
        ["GET /api/matching/scenarios/{scenarioId:guid}/integrity-incidents"] = Own([Roles.DepartmentOfficer], Roles.Admin),
        ["GET /api/matching/integrity-incidents"] = Only(Roles.Admin),
        ["PUT /api/matching/scenarios/{scenarioId:guid}/evaluation"] = Own([Roles.DepartmentOfficer]),
        ["POST /api/matching/proposals/{id:guid}/declaration"] = Own([Roles.DepartmentOfficer]),
        ["POST /api/matching/proposals/{id:guid}/scores"] = Own([Roles.DepartmentOfficer]),
        ["POST /api/matching/scenarios/{scenarioId:guid}/award"] = Own([Roles.DepartmentOfficer]),
        ["POST /api/matching/scenarios/{scenarioId:guid}/award/cancel"] = Own([Roles.DepartmentOfficer]),
        ["GET /api/matching/proposals/{id:guid}/feedback"] = Own([Roles.Vendor]),
        ["GET /api/matching/notifications"] = Only(Roles.Vendor),
        ["POST /api/matching/notifications/{id:guid}/read"] = Only(Roles.Vendor),
        ["POST /api/matching/notifications/read-all"] = Only(Roles.Vendor),
        ["GET /api/matching/admin/outbox/dead-letters"] = Only(Roles.Admin),
        ["POST /api/matching/admin/outbox/{messageId:guid}/requeue"] = Only(Roles.Admin),
        ["GET /api/matching/statistics"] = Only(Roles.Admin),

        ["GET /api/funding/schemes"] = Public,
        ["GET /api/funding/schemes/{id:guid}"] = Public,
        ["POST /api/funding/schemes"] = Only(Roles.FundingOfficer),
        ["PUT /api/funding/schemes/{id:guid}"] = Own([Roles.FundingOfficer]),
        ["GET /api/funding/applications"] = Only(Roles.Vendor, Roles.FundingOfficer),
        ["POST /api/funding/applications"] = Only(Roles.Vendor),
        ["GET /api/funding/applications/{id:guid}"] = Own([Roles.Vendor, Roles.FundingOfficer, Roles.Assessor]),
        ["PUT /api/funding/applications/{id:guid}"] = Own([Roles.Vendor]),
        ["POST /api/funding/applications/{id:guid}/submit"] = Own([Roles.Vendor]),
        ["POST /api/funding/applications/{id:guid}/assessors"] = Own([Roles.FundingOfficer]),
        ["GET /api/funding/assignments"] = Only(Roles.Assessor, Roles.FundingOfficer),
        ["GET /api/funding/assessors"] = Only(Roles.FundingOfficer),
        ["POST /api/funding/applications/{id:guid}/assignment"] = Own([Roles.Assessor, Roles.FundingOfficer]),
        ["POST /api/funding/applications/{id:guid}/scores"] = Own([Roles.Assessor, Roles.FundingOfficer]),
        ["GET /api/funding/applications/{id:guid}/scoring"] = Own([Roles.FundingOfficer]),
        ["POST /api/funding/applications/{id:guid}/decision"] = Own([Roles.FundingOfficer]),
        ["GET /api/funding/applications/{id:guid}/feedback"] = Own([Roles.Vendor]),
        ["GET /api/funding/applications/{id:guid}/history"] = Own([Roles.FundingOfficer]),
        ["PUT /api/funding/applications/{id:guid}/milestones"] = Own([Roles.FundingOfficer]),
        ["POST /api/funding/applications/{id:guid}/milestones/{milestoneId:guid}/report"] = Own([Roles.Vendor]),
        ["POST /api/funding/applications/{id:guid}/milestones/{milestoneId:guid}/accept"] = Own([Roles.FundingOfficer]),
        ["POST /api/funding/applications/{id:guid}/milestones/{milestoneId:guid}/return"] = Own([Roles.FundingOfficer]),
        ["GET /api/funding/admin/outbox/dead-letters"] = Only(Roles.Admin),
        ["POST /api/funding/admin/outbox/{messageId:guid}/requeue"] = Only(Roles.Admin),

        ["GET /api/talent/skills"] = Public,
        ["GET /api/talent/unmapped-skills"] = Only(Roles.Admin),
        ["GET /api/talent/me/profile"] = Only(Roles.Talent),
        ["PUT /api/talent/me/profile"] = Only(Roles.Talent),
        ["PUT /api/talent/me/profile/consent"] = Only(Roles.Talent),
        ["GET /api/talent/me/profile/consent"] = Only(Roles.Talent),
        ["GET /api/talent/me/profile/export"] = Only(Roles.Talent),
        ["DELETE /api/talent/me/profile"] = Only(Roles.Talent),
        ["GET /api/talent/me/matched-roles"] = Only(Roles.Talent),
        ["GET /api/talent/profiles"] = Only(Roles.Vendor, Roles.Admin),
        ["GET /api/talent/profiles/{id:guid}"] = Only(Roles.Vendor, Roles.Admin),
        ["GET /api/talent/staffing/projects"] = Only(Roles.Vendor),
        ["GET /api/talent/staffing/projects/{id:guid}"] = Own([Roles.Vendor]),
        ["GET /api/talent/staffing/requirements/{id:guid}/matches"] = Own([Roles.Vendor]),
        ["POST /api/talent/staffing/requirements/{id:guid}/invitations"] = Own([Roles.Vendor]),
        ["GET /api/talent/invitations"] = Only(Roles.Talent, Roles.Vendor),
        ["POST /api/talent/invitations/{id:guid}/accept"] = Own([Roles.Talent]),
        ["POST /api/talent/invitations/{id:guid}/decline"] = Own([Roles.Talent]),
        ["GET /api/talent/training/programmes"] = Public,
        ["GET /api/talent/training/programmes/{id:guid}"] = Public,
        // Programmes are kept by administrators and by members of a training provider (Talent members whose token
        // names a TrainingProvider organisation); an individual talent, as the matrix's Talent is, is refused.
        ["POST /api/talent/training/programmes"] = Only(Roles.Admin),
        ["PUT /api/talent/training/programmes/{id:guid}"] = Only(Roles.Admin),
        ["GET /api/talent/training/programmes/{id:guid}/subsidy"] = Only(Roles.Vendor),
        ["POST /api/talent/training/programmes/{id:guid}/enrolments"] = Only(Roles.Vendor),
        ["GET /api/talent/training/enrolments"] = Only(Roles.Vendor, Roles.Talent, Roles.Admin),
        ["POST /api/talent/training/enrolments/{id:guid}/complete"] = Own([Roles.Vendor], Roles.Admin),
        ["GET /api/talent/training/subsidy-usage"] = Only(Roles.Vendor),
        ["GET /api/talent/statistics/skill-gap"] = Only(Roles.Admin),
        ["GET /api/talent/admin/outbox/dead-letters"] = Only(Roles.Admin),
        ["POST /api/talent/admin/outbox/{messageId:guid}/requeue"] = Only(Roles.Admin),
        ["GET /api/opendata/releases"] = Public,
        ["GET /api/opendata/releases/{ocid}"] = Public,
        ["GET /api/opendata/records"] = Public,
        ["GET /api/opendata/records/{ocid}"] = Public,
        ["GET /api/opendata/downloads/releases.jsonl"] = Public,
        ["GET /api/opendata/downloads/contracting.csv"] = Public,
        ["GET /api/opendata/statistics"] = Public,
        ["GET /api/opendata/statistics/{figure}.csv"] = Public,
        ["GET /api/opendata/admin/outbox/dead-letters"] = Only(Roles.Admin),
        ["POST /api/opendata/admin/outbox/{messageId:guid}/requeue"] = Only(Roles.Admin),
    };

    private static readonly Dictionary<string, string> s_organisationTypeOfRole = new()
    {
        [Roles.DepartmentOfficer] = "Department",
        [Roles.Vendor] = "Vendor",
        [Roles.FundingOfficer] = "FundingBody",
        [Roles.Assessor] = "FundingBody",
        [Roles.ChamberMember] = "Chamber",
    };

    private sealed record Fixture(Guid Organisation, Guid Manager, Guid Member);

    [Fact]
    public async Task Every_endpoint_of_every_service_answers_every_role_as_its_policy_says()
    {
        // One organisation of each kind with a real manager and a plain member, and a published scenario of the department.
        var fixtures = new Dictionary<string, Fixture>();
        foreach (var (type, role) in new[] { ("Department", Roles.DepartmentOfficer), ("Vendor", Roles.Vendor), ("FundingBody", Roles.FundingOfficer), ("Chamber", Roles.ChamberMember) })
        {
            var organisation = await env.CreateOrganisationAsync(type);
            var (manager, _) = await env.AddMemberAsync(organisation, role, manager: true);
            var (member, _) = await env.AddMemberAsync(organisation, role, manager: false);
            fixtures[type] = new Fixture(organisation, manager, member);
        }
        var department = fixtures["Department"];
        var scenario = (await ScenarioBuilder.CreatePublishedAsync(
            env, env.CatalogueClient().As(Roles.DepartmentOfficer, department.Organisation))).GetProperty("id").GetGuid();
        var batch = await ScenarioBuilder.CreateBatchAsync(env);
        var resources = new Dictionary<string, Guid>
        {
            ["/scenarios"] = scenario,
            ["/batches"] = batch,
            ["/success-cases"] = await PublishedSuccessCaseAsync(department.Organisation, fixtures["Vendor"].Organisation),
            ["/solutions"] = await PublishedSolutionAsync(fixtures["Vendor"].Organisation),
        };

        var hosts = new List<(string Name, IServiceProvider Services, Func<HttpClient> Client)>
        {
            ("identity", env.IdentityServices, env.IdentityClient),
            ("catalogue", env.CatalogueServices, env.CatalogueClient),
            ("matching", env.MatchingServices, env.MatchingClient),
            ("funding", env.FundingServices, env.FundingClient),
            ("talent", env.TalentServices, env.TalentClient),
            ("opendata", env.OpenDataServices, env.OpenDataClient),
        }.DistinctBy(h => h.Services).ToList();

        var unexpected = new List<string>();
        var unlisted = new List<string>();
        var called = 0;
        foreach (var host in hosts)
        {
            var hostName = hosts.Count == 1 ? env.Mode : host.Name;
            foreach (var endpoint in host.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>())
            {
                var route = endpoint.RoutePattern.RawText!.TrimEnd('/');
                route = route.Length == 0 ? "/" : route;
                if (IsWebUi(route))
                {
                    // The web UI's pages, assets and sign-in routes: who sees which page is the browser tests' matter.
                    continue;
                }
                foreach (var method in endpoint.Metadata.GetMetadata<HttpMethodMetadata>()?.HttpMethods ?? ["GET"])
                {
                    var key = $"{method} {route}";
                    if (!s_expected.TryGetValue(key, out var rule))
                    {
                        unlisted.Add($"{hostName}: {key}");
                        continue;
                    }
                    // Anonymous.
                    var anonymous = await SendAsync(host.Client(), method, Fill(route, host.Name, department, resources), token: null);
                    called++;
                    if (rule.Anonymous ? IsDenied(anonymous) : anonymous != HttpStatusCode.Unauthorized)
                    {
                        unexpected.Add($"{hostName}: {key} anonymous → {(int)anonymous}, expected {(rule.Anonymous ? "allowed" : "401")}");
                    }
                    foreach (var role in Roles.All)
                    {
                        var owner = OwnerOf(route, role, fixtures);
                        var path = Fill(route, host.Name, owner ?? department, resources);
                        var own = Tokens.For(role, owner?.Organisation, subject: owner?.Manager.ToString());
                        var foreign = Tokens.For(role, Guid.NewGuid());
                        foreach (var (label, token) in new[] { ("own", own), ("foreign", foreign) })
                        {
                            var status = await SendAsync(host.Client(), method, path, token);
                            called++;
                            var expectation = (rule.Roles[role], label) switch
                            {
                                (Access.Allowed, _) or (Access.OwnOnly, "own") => IsDenied(status) || (int)status >= 500 ? "allowed" : null,
                                (Access.OwnOnly, _) => status is HttpStatusCode.Forbidden or HttpStatusCode.NotFound ? null : "403 or 404",
                                _ => status == HttpStatusCode.Forbidden ? null : "403",
                            };
                            if (expectation is not null)
                            {
                                unexpected.Add($"{hostName}: {key} as {role} of the {label} organisation → {(int)status}, expected {expectation}");
                            }
                        }
                    }
                }
            }
        }

        Assert.True(unlisted.Count == 0, "Endpoints without an expected access in the matrix:\n" + string.Join('\n', unlisted));
        Assert.True(unexpected.Count == 0, $"{unexpected.Count} of {called} calls answered unexpectedly:\n" + string.Join('\n', unexpected));
        Assert.True(called > 500, $"only {called} calls were made");
    }

    private async Task<Guid> PublishedSuccessCaseAsync(Guid department, Guid vendor)
    {
        var officer = env.CatalogueClient().As(Roles.DepartmentOfficer, department);
        // The catalogue learns of the vendor's approval from identity's event, which may still be on its way; a refused create changes nothing.
        var created = await Eventually.Until(() => officer.PostAsJsonAsync("/api/catalogue/success-cases", new
        {
            vendorOrganisationId = vendor, titleEn = "Case", titleZh = "個案", summaryEn = "Summary", summaryZh = "摘要", outcomesEn = "Outcomes", outcomesZh = "成果",
            area = "Living", sector = "healthcare", capabilities = new[] { "forecasting" }, kpis = Array.Empty<object>(),
        }), response => response.StatusCode != HttpStatusCode.BadRequest, what: "the catalogue to know the approved vendor");
        await created.ShouldBe(HttpStatusCode.Created);
        var id = (await created.Content.ReadFromJsonAsync<System.Text.Json.JsonElement>()).GetProperty("id").GetGuid();
        await (await officer.PostAsync($"/api/catalogue/success-cases/{id}/approve", null)).ShouldBe(HttpStatusCode.OK);
        await (await env.CatalogueClient().As(Roles.Vendor, vendor).PostAsync($"/api/catalogue/success-cases/{id}/approve", null)).ShouldBe(HttpStatusCode.OK);
        return id;
    }

    private async Task<Guid> PublishedSolutionAsync(Guid vendor)
    {
        var client = env.CatalogueClient().As(Roles.Vendor, vendor);
        var created = await client.PostAsJsonAsync("/api/catalogue/solutions", new
        {
            nameEn = "Solution", nameZh = "方案", summaryEn = "Summary", summaryZh = "摘要", descriptionEn = "Description", descriptionZh = "說明",
            capabilities = new[] { "nlp" }, sectors = new[] { "legal" }, deploymentReferences = Array.Empty<object>(),
        });
        await created.ShouldBe(HttpStatusCode.Created);
        var id = (await created.Content.ReadFromJsonAsync<System.Text.Json.JsonElement>()).GetProperty("id").GetGuid();
        await (await client.PostAsync($"/api/catalogue/solutions/{id}/publish", null)).ShouldBe(HttpStatusCode.OK);
        return id;
    }

    private static bool IsDenied(HttpStatusCode status) => status is HttpStatusCode.Unauthorized or HttpStatusCode.Forbidden;

    /// <summary>
    /// The organisation the caller belongs to when acting as "own": scenario routes belong to the
    /// department; organisation routes to an organisation of the caller's kind. Administrators and
    /// talent act for no organisation.
    /// </summary>
    private static Fixture? OwnerOf(string route, string role, Dictionary<string, Fixture> fixtures) =>
        !s_organisationTypeOfRole.TryGetValue(role, out var type) ? null
        : route.Contains("/scenarios", StringComparison.Ordinal) || route.Contains("{scenarioId", StringComparison.Ordinal) ? fixtures["Department"]
        : fixtures[type];

    private static string Fill(string route, string service, Fixture owner, Dictionary<string, Guid> resources)
    {
        var path = route
            .Replace("{documentName}", service, StringComparison.Ordinal)
            .Replace("{figure}", "timing", StringComparison.Ordinal)
            .Replace("{organisationId:guid}", owner.Organisation.ToString(), StringComparison.Ordinal)
            .Replace("{userId:guid}", owner.Member.ToString(), StringComparison.Ordinal)
            .Replace("{invitationId:guid}", Guid.NewGuid().ToString(), StringComparison.Ordinal)
            .Replace("{clientId:guid}", Guid.NewGuid().ToString(), StringComparison.Ordinal)
            .Replace("{clarificationId:guid}", Guid.NewGuid().ToString(), StringComparison.Ordinal)
            .Replace("{messageId:guid}", Guid.NewGuid().ToString(), StringComparison.Ordinal)
            .Replace("{milestoneId:guid}", Guid.NewGuid().ToString(), StringComparison.Ordinal)
            .Replace("{scenarioId:guid}", resources["/scenarios"].ToString(), StringComparison.Ordinal)
            // Open data's processes are named by ocid (its prefix and the scenario's id).
            .Replace("{ocid}", new Marketplace.OpenData.OpenDataOptions().OcidPrefix + resources["/scenarios"], StringComparison.Ordinal)
            .Replace("{id:guid}", resources.FirstOrDefault(r => route.Contains(r.Key + "/", StringComparison.Ordinal)) is { Key: not null } resource
                ? resource.Value.ToString()
                : route.Contains("/organisations/", StringComparison.Ordinal) ? owner.Organisation.ToString() : Guid.NewGuid().ToString(), StringComparison.Ordinal);
        Assert.False(path.Contains('{', StringComparison.Ordinal), $"The matrix has no value for a parameter of {route}");
        return path;
    }

    private static async Task<HttpStatusCode> SendAsync(HttpClient client, string method, string path, string? token)
    {
        using var request = new HttpRequestMessage(new HttpMethod(method), path);
        if (token is not null)
        {
            request.Headers.Authorization = new("Bearer", token);
        }
        if (method is "POST" or "PUT")
        {
            request.Content = new StringContent("{}", Encoding.UTF8, "application/json");
        }
        using var response = await client.SendAsync(request);
        return response.StatusCode;
    }

    private static bool IsWebUi(string route) =>
        !route.StartsWith("/api/", StringComparison.Ordinal) && !route.StartsWith("/health/", StringComparison.Ordinal)
        && !route.StartsWith("/openapi/", StringComparison.Ordinal);
}

public sealed class AuthorizationMatrixTests_Standalone(StandaloneEnvironment env) : AuthorizationMatrixTests(env), IClassFixture<StandaloneEnvironment>;

public sealed class AuthorizationMatrixTests_Distributed(DistributedEnvironment env) : AuthorizationMatrixTests(env), IClassFixture<DistributedEnvironment>;
