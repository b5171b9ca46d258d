using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Marketplace.Testing;

namespace Marketplace.BrowserTests;

/// <summary>
/// The steps of other roles, through the HTTP API with the demo accounts' tokens, so a browser test drives only its own
/// pages: an administrator publishing a batch, an officer drafting, submitting and cancelling, a vendor registering,
/// vendors asking and submitting sealed proposals. One method per job; the tests compose them.
/// </summary>
public sealed class MarketplaceApi(Uri baseAddress) : IDisposable
{
    public const string Admin = "admin@demo.hk";
    public const string TransportOfficer = "officer.td@demo.hk";
    public static readonly string[] Vendors = ["vendor.harbourlight@demo.hk", "vendor.lionrock@demo.hk", "vendor.kaitak@demo.hk"];

    private readonly HttpClient _http = new() { BaseAddress = baseAddress, Timeout = TimeSpan.FromSeconds(30) };
    private readonly Dictionary<string, (string Token, DateTime Until)> _tokens = [];
    private readonly SemaphoreSlim _signIn = new(1, 1);

    /// <summary>An officer of the Digital Policy Office (the administrators' tests submit its scenarios).</summary>
    public const string DigitalPolicyOfficer = "officer.dpo@demo.hk";

    /// <summary>
    /// A scenario of the officer's department, published in a batch of its own whose deadline is <paramref name="deadlineIn"/> from now
    /// (the short-deadline host allows any future deadline; the default host at least 14 days). Its titles carry <paramref name="title"/>;
    /// it names <paramref name="targetSchemes"/> (scheme codes) as the funding it seeks.
    /// </summary>
    public async Task<Guid> PublishScenarioAsync(string officer, string title, TimeSpan deadlineIn, string? titleZh = null, string[]? targetSchemes = null)
    {
        var batchId = await CreateBatchAsync(deadlineIn);
        var id = await DraftScenarioAsync(officer, title, titleZh, targetSchemes);
        await SubmitScenarioAsync(officer, id, batchId);
        await ApproveScenarioAsync(id);
        await PublishBatchAsync(batchId);
        return id;
    }

    /// <summary>A valid draft of the officer's department; its Chinese title ends like the English one unless given.</summary>
    public async Task<Guid> DraftScenarioAsync(string officer, string title, string? titleZh = null, string[]? targetSchemes = null)
    {
        var taxonomy = await SendAsync(Admin, HttpMethod.Get, "/api/catalogue/taxonomy", null);
        var scenario = await SendAsync(officer, HttpMethod.Post, "/api/catalogue/scenarios", new
        {
            titleEn = title, titleZh = titleZh ?? "交通燈號時間優化 " + title[^6..],
            problemEn = "Signal timings at busy junctions are revised by hand once a year.", problemZh = "繁忙路口的交通燈號時間每年只人手調整一次。",
            expectedOutcomesEn = "Shorter waiting times at the pilot junctions.", expectedOutcomesZh = "試點路口的輪候時間縮短。",
            area = "Mobility",
            sector = taxonomy.GetProperty("sectors")[0].GetProperty("code").GetString(),
            capabilities = new[] { taxonomy.GetProperty("capabilities")[0].GetProperty("code").GetString() },
            budgetMinHkd = 500_000, budgetMaxHkd = 2_000_000, dataResidency = "HongKongOnly", pilotDurationMonths = 6,
            targetSchemes = targetSchemes ?? [],
            kpis = new[] { new { nameEn = "Average wait", nameZh = "平均輪候時間", target = "-15%" } },
            dataDescriptionEn = "Two years of junction loop-detector counts.", dataDescriptionZh = "兩年的路口感應線圈車流數據。",
            dataFormat = "CSV", aiRiskTier = "Low", contactName = "Chan Tai-man", contactEmail = "signals@td.gov.hk",
        });
        return scenario.GetProperty("id").GetGuid();
    }

    public async Task SubmitScenarioAsync(string officer, Guid scenarioId, Guid batchId) =>
        await SendAsync(officer, HttpMethod.Post, $"/api/catalogue/scenarios/{scenarioId}/submit", new { batchId });

    public async Task ApproveScenarioAsync(Guid scenarioId) =>
        await SendAsync(Admin, HttpMethod.Post, $"/api/catalogue/scenarios/{scenarioId}/approve", new { });

    public async Task PublishBatchAsync(Guid batchId) =>
        await SendAsync(Admin, HttpMethod.Post, $"/api/catalogue/batches/{batchId}/publish", new { });

    /// <summary>Cancels the scenario again, so the demo's count of open scenarios stays what other tests expect.</summary>
    public async Task CancelScenarioAsync(string officer, Guid scenarioId) =>
        await SendAsync(officer, HttpMethod.Post, $"/api/catalogue/scenarios/{scenarioId}/cancel", new { reason = "Test scenario withdrawn after the browser test" });

    /// <summary>A self-registered vendor, pending an administrator's decision; its English name (returned) carries <paramref name="tag"/>.</summary>
    public async Task<string> RegisterVendorAsync(string tag)
    {
        var name = $"Kowloon Bay Analytics {tag} Limited";
        var result = await TrySendAsync(null, HttpMethod.Post, "/api/identity/registrations", new
        {
            organisation = new
            {
                type = "Vendor", nameEn = name, nameZh = "九龍灣分析有限公司", sizeClass = "Startup",
                businessRegistrationNumber = Random.Shared.Next(10_000_000, 99_999_999).ToString(System.Globalization.CultureInfo.InvariantCulture),
            },
            contact = new { email = $"founder.{tag}@kowloonbay.example.hk", name = "Wong Ka-yan", password = "KowloonBay2026pw", locale = "en" },
        });
        Assert.True(result.Status == HttpStatusCode.Created, $"registering a vendor answered {result.Status}: {result.Body}");
        return name;
    }

    /// <summary>Waits until the matching service has heard of the scenario's publication (it crosses the bus) and lists it as open.</summary>
    public async Task WaitUntilOpenForProposalsAsync(Guid scenarioId) =>
        await Eventually.Until(() => TrySendAsync(Vendors[0], HttpMethod.Get, "/api/matching/open-scenarios?pageSize=100", null),
            r => r.Status == HttpStatusCode.OK && r.Body.GetProperty("items").EnumerateArray().Any(s => s.GetProperty("scenarioId").GetGuid() == scenarioId),
            TimeSpan.FromSeconds(30), "matching to list the published scenario as open");

    public async Task AskAsync(string vendor, Guid scenarioId, string question) =>
        await SendAsync(vendor, HttpMethod.Post, $"/api/catalogue/scenarios/{scenarioId}/clarifications", new { question });

    /// <summary>Drafts and submits a sealed proposal, once matching has heard of the scenario's publication (it crosses the bus).</summary>
    public async Task SubmitProposalAsync(string vendor, Guid scenarioId, decimal priceHkd, string approach)
    {
        var body = new
        {
            approach, priceHkd, durationMonths = 6, dataResidencyCompliant = true, supportLevel = "Business hours",
            teamRoles = new[] { new { skill = "Computer vision", seniority = "Senior" } },
        };
        var created = await Eventually.Until(
            () => TrySendAsync(vendor, HttpMethod.Post, $"/api/matching/scenarios/{scenarioId}/proposals", body),
            r => r.Status != HttpStatusCode.NotFound, TimeSpan.FromSeconds(20), "matching to know the published scenario");
        Assert.True(created.Status == HttpStatusCode.Created, $"drafting a proposal answered {created.Status}: {created.Body}");
        await SendAsync(vendor, HttpMethod.Post, $"/api/matching/proposals/{created.Body.GetProperty("id").GetGuid()}/submit", new { });
    }

    /// <summary>Waits until the deadline has passed and matching has opened the scenario's proposals to its department.</summary>
    public async Task WaitForOpeningAsync(string officer, Guid scenarioId, TimeSpan timeout) =>
        await Eventually.Until(() => TrySendAsync(officer, HttpMethod.Get, $"/api/matching/scenarios/{scenarioId}/proposals", null),
            r => r.Status == HttpStatusCode.OK, timeout, "the proposals to open at the deadline");

    /// <summary>
    /// A scenario of the officer's department awarded to the vendor, whose sealed proposal names one senior computer vision
    /// role: published with a deadline <paramref name="deadlineIn"/> away (the short-deadline host), the proposal
    /// submitted, opened at the deadline and awarded without an evaluation; the scenario seeks <paramref name="targetSchemes"/>. Returns its id.
    /// </summary>
    public async Task<Guid> AwardWithTeamRoleAsync(string officer, string vendor, string title, string titleZh, TimeSpan deadlineIn, string[]? targetSchemes = null)
    {
        var scenarioId = await PublishScenarioAsync(officer, title, deadlineIn, titleZh, targetSchemes);
        var body = new
        {
            approach = "Camera analytics at the pilot junctions.", priceHkd = 900_000m, durationMonths = 6, dataResidencyCompliant = true, supportLevel = "Business hours",
            teamRoles = new[] { new { skill = "Computer vision", seniority = "Senior" } },
        };
        var created = await Eventually.Until(
            () => TrySendAsync(vendor, HttpMethod.Post, $"/api/matching/scenarios/{scenarioId}/proposals", body),
            r => r.Status != HttpStatusCode.NotFound, TimeSpan.FromSeconds(30), "matching to know the published scenario");
        Assert.True(created.Status == HttpStatusCode.Created, $"drafting a proposal answered {created.Status}: {created.Body}");
        var proposalId = created.Body.GetProperty("id").GetGuid();
        await SendAsync(vendor, HttpMethod.Post, $"/api/matching/proposals/{proposalId}/submit", new { });
        await WaitForOpeningAsync(officer, scenarioId, deadlineIn + TimeSpan.FromSeconds(60));
        await SendAsync(officer, HttpMethod.Post, $"/api/matching/scenarios/{scenarioId}/award", new { proposalId, justification = "The only proposal, and compliant." });
        return scenarioId;
    }

    /// <summary>A GET as a demo account that must succeed; its JSON body.</summary>
    public Task<JsonElement> GetJsonAsync(string user, string path) => SendAsync(user, HttpMethod.Get, path, null);

    /// <summary>Waits until <paramref name="until"/> holds for the JSON a GET as the demo account answers (200 only).</summary>
    public async Task<JsonElement> EventuallyGetJsonAsync(string user, string path, Func<JsonElement, bool> until, TimeSpan timeout, string what) =>
        (await Eventually.Until(() => TrySendAsync(user, HttpMethod.Get, path, null), r => r.Status == HttpStatusCode.OK && until(r.Body), timeout, what)).Body;

    public void Dispose()
    {
        _http.Dispose();
        _signIn.Dispose();
    }

    public async Task<Guid> CreateBatchAsync(TimeSpan deadlineIn)
    {
        // A batch of its own, so that publishing it publishes nothing another test made; its code is picked at random
        // (years 2030-2099, numbers 1-99) and picked again in the rare case it is taken.
        for (var attempt = 0; ; attempt++)
        {
            var result = await TrySendAsync(Admin, HttpMethod.Post, "/api/catalogue/batches", new
            {
                year = Random.Shared.Next(2030, 2100), number = Random.Shared.Next(1, 100),
                descriptionEn = "A test batch.", descriptionZh = "測試批次。",
                proposalDeadline = DateTimeOffset.UtcNow + deadlineIn,
            });
            if (result.Status == HttpStatusCode.Created)
            {
                return result.Body.GetProperty("id").GetGuid();
            }
            Assert.True(result.Status == HttpStatusCode.Conflict && attempt < 5, $"creating a batch answered {result.Status}: {result.Body}");
        }
    }

    private async Task<JsonElement> SendAsync(string user, HttpMethod method, string path, object? body)
    {
        var result = await TrySendAsync(user, method, path, body);
        Assert.True((int)result.Status is >= 200 and < 300, $"{method} {path} as {user} answered {result.Status}: {result.Body}");
        return result.Body;
    }

    /// <param name="user">A demo account, or null for an anonymous call.</param>
    private async Task<(HttpStatusCode Status, JsonElement Body)> TrySendAsync(string? user, HttpMethod method, string path, object? body)
    {
        using var request = new HttpRequestMessage(method, path) { Content = body is null ? null : JsonContent.Create(body) };
        if (user is not null)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", await TokenAsync(user));
        }
        using var response = await _http.SendAsync(request);
        var text = await response.Content.ReadAsStringAsync();
        return (response.StatusCode, text.Length == 0 ? default : JsonDocument.Parse(text).RootElement.Clone());
    }

    private async Task<string> TokenAsync(string user)
    {
        await _signIn.WaitAsync();
        try
        {
            if (_tokens.TryGetValue(user, out var known) && known.Until > DateTime.UtcNow)
            {
                return known.Token;
            }
            var token = await TokenEndpoint.SignInAsync(_http, user, SignIn.Password);
            // Access tokens live 15 minutes; renewed well before.
            _tokens[user] = (token, DateTime.UtcNow.AddMinutes(10));
            return token;
        }
        finally
        {
            _signIn.Release();
        }
    }
}
