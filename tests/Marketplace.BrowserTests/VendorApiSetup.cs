using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;

namespace Marketplace.BrowserTests;

/// <summary>
/// What the vendor's browser tests need but do not test, set up through the HTTP API as the officers and the
/// administrator would: a scenario of the test's own, published in a batch of its own.
/// </summary>
public static class VendorApiSetup
{
    public static async Task<HttpClient> SignedInClientAsync(Uri site, string email)
    {
        var http = new HttpClient { BaseAddress = site, Timeout = TimeSpan.FromSeconds(30) };
        var token = await http.PostAsync("/api/identity/connect/token", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["grant_type"] = "password", ["username"] = email, ["password"] = SignIn.Password,
        }));
        Assert.True(token.IsSuccessStatusCode, await token.Content.ReadAsStringAsync());
        var accessToken = (await token.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("access_token").GetString();
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", accessToken);
        return http;
    }

    /// <summary>A scenario of the Digital Policy Office, published in a new batch with its deadline in 30 days, once the matching service knows it is open.</summary>
    public static async Task<Guid> PublishedScenarioAsync(Uri site, string titleEn, string titleZh)
    {
        using var officer = await SignedInClientAsync(site, "officer.dpo@demo.hk");
        using var admin = await SignedInClientAsync(site, "admin@demo.hk");
        var created = await officer.PostAsJsonAsync("/api/catalogue/scenarios", new
        {
            titleEn,
            titleZh,
            problemEn = "Checking hundreds of government web pages for accessibility by hand takes months each year.",
            problemZh = "每年以人手檢查數以百計的政府網頁是否無障礙，需時數月。",
            expectedOutcomesEn = "Weekly automated reports that find nine in ten accessibility faults.",
            expectedOutcomesZh = "每週自動報告，找出九成無障礙問題。",
            area = "Government",
            sector = "public-services",
            capabilities = new[] { "nlp" },
            budgetMinHkd = 400000,
            budgetMaxHkd = 1500000,
            dataResidency = "HongKongOnly",
            pilotDurationMonths = 6,
            targetSchemes = new[] { "PSTS" },
            kpis = new[] { new { nameEn = "Faults found", nameZh = "找出的問題", target = "90%" } },
            dataDescriptionEn = "A list of 800 public web pages and last year's audit findings.",
            dataDescriptionZh = "800 個公開網頁的清單及去年的審核結果。",
            dataFormat = "CSV",
            aiRiskTier = "Low",
            contactName = "Ms Lee",
            contactEmail = "web-audit@example.gov.hk",
        });
        Assert.True(created.StatusCode == HttpStatusCode.Created, await created.Content.ReadAsStringAsync());
        var id = (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
        var batch = await BatchAsync(admin);
        await Expect(await officer.PostAsJsonAsync($"/api/catalogue/scenarios/{id}/submit", new { batchId = batch }));
        await Expect(await admin.PostAsync($"/api/catalogue/scenarios/{id}/approve", null));
        await Expect(await admin.PostAsync($"/api/catalogue/batches/{batch}/publish", null));

        // The matching service learns of the publication from the catalogue's event; proposals need it to know.
        using var vendor = await SignedInClientAsync(site, "vendor.kaitak@demo.hk");
        for (var attempt = 0; attempt < 60; attempt++)
        {
            var open = await vendor.GetFromJsonAsync<JsonElement>("/api/matching/open-scenarios?pageSize=100");
            if (open.GetProperty("items").EnumerateArray().Any(s => s.GetProperty("scenarioId").GetGuid() == id))
            {
                return id;
            }
            await Task.Delay(500);
        }
        throw new InvalidOperationException($"The matching service did not learn that scenario {id} is open.");
    }

    private static async Task<Guid> BatchAsync(HttpClient admin)
    {
        while (true)
        {
            var response = await admin.PostAsJsonAsync("/api/catalogue/batches", new
            {
                year = Random.Shared.Next(2030, 2100),
                number = Random.Shared.Next(1, 100),
                descriptionEn = "Scenarios for the vendor pages' tests.",
                descriptionZh = "供應商頁面測試用的應用場景。",
                proposalDeadline = DateTimeOffset.UtcNow.AddDays(30),
            });
            if (response.StatusCode == HttpStatusCode.Conflict)
            {
                continue;
            }
            Assert.True(response.StatusCode == HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
            return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
        }
    }

    private static async Task Expect(HttpResponseMessage response) =>
        Assert.True(response.IsSuccessStatusCode, $"{response.RequestMessage?.RequestUri}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
}
