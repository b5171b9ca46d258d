using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Marketplace.Testing;

namespace Marketplace.BrowserTests;

/// <summary>
/// The steps of other roles, through the HTTP API with the demo accounts' tokens, so a browser test drives only its own
/// pages: an administrator publishing a batch, vendors asking and submitting sealed proposals.
/// </summary>
public sealed class MarketplaceApi(Uri baseAddress) : IDisposable
{
    public const string Admin = "admin@demo.hk";
    public const string TransportOfficer = "officer.td@demo.hk";
    public static readonly string[] Vendors = ["vendor.harbourlight@demo.hk", "vendor.lionrock@demo.hk", "vendor.kaitak@demo.hk"];

    private readonly HttpClient _http = new() { BaseAddress = baseAddress, Timeout = TimeSpan.FromSeconds(30) };
    private readonly Dictionary<string, (string Token, DateTime Until)> _tokens = [];
    private readonly SemaphoreSlim _signIn = new(1, 1);

    /// <summary>
    /// A scenario of the officer's department, published in a batch of its own whose deadline is <paramref name="deadlineIn"/> from now
    /// (the short-deadline host allows any future deadline). Its titles carry <paramref name="title"/>.
    /// </summary>
    public async Task<Guid> PublishScenarioAsync(string officer, string title, TimeSpan deadlineIn)
    {
        var batchId = await CreateBatchAsync(deadlineIn);
        var taxonomy = await SendAsync(Admin, HttpMethod.Get, "/api/catalogue/taxonomy", null);
        var scenario = await SendAsync(officer, HttpMethod.Post, "/api/catalogue/scenarios", new
        {
            titleEn = title, titleZh = "交通燈號時間優化 " + title[^6..],
            problemEn = "Signal timings at busy junctions are revised by hand once a year.", problemZh = "繁忙路口的交通燈號時間每年只人手調整一次。",
            expectedOutcomesEn = "Shorter waiting times at the pilot junctions.", expectedOutcomesZh = "試點路口的輪候時間縮短。",
            area = "Mobility",
            sector = taxonomy.GetProperty("sectors")[0].GetProperty("code").GetString(),
            capabilities = new[] { taxonomy.GetProperty("capabilities")[0].GetProperty("code").GetString() },
            budgetMinHkd = 500_000, budgetMaxHkd = 2_000_000, dataResidency = "HongKongOnly", pilotDurationMonths = 6,
            targetSchemes = Array.Empty<string>(),
            kpis = new[] { new { nameEn = "Average wait", nameZh = "平均輪候時間", target = "-15%" } },
            dataDescriptionEn = "Two years of junction loop-detector counts.", dataDescriptionZh = "兩年的路口感應線圈車流數據。",
            dataFormat = "CSV", aiRiskTier = "Low", contactName = "Chan Tai-man", contactEmail = "signals@td.gov.hk",
        });
        var id = scenario.GetProperty("id").GetGuid();
        await SendAsync(officer, HttpMethod.Post, $"/api/catalogue/scenarios/{id}/submit", new { batchId });
        await SendAsync(Admin, HttpMethod.Post, $"/api/catalogue/scenarios/{id}/approve", new { });
        await SendAsync(Admin, HttpMethod.Post, $"/api/catalogue/batches/{batchId}/publish", new { });
        return id;
    }

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

    public void Dispose()
    {
        _http.Dispose();
        _signIn.Dispose();
    }

    private async Task<Guid> CreateBatchAsync(TimeSpan deadlineIn)
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

    private async Task<(HttpStatusCode Status, JsonElement Body)> TrySendAsync(string user, HttpMethod method, string path, object? body)
    {
        using var request = new HttpRequestMessage(method, path) { Content = body is null ? null : JsonContent.Create(body) };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", await TokenAsync(user));
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
