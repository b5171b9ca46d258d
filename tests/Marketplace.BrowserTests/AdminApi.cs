using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Marketplace.Testing;

namespace Marketplace.BrowserTests;

/// <summary>The steps of the administrators' browser tests that are someone else's: a vendor registers, an officer submits and cancels, through the HTTP API.</summary>
internal static class AdminApi
{
    public const string Officer = "officer.dpo@demo.hk";

    public static HttpClient Client(StandaloneSite site) => new() { BaseAddress = site.BaseAddress, Timeout = TimeSpan.FromSeconds(30) };

    /// <summary>A self-registered vendor, pending an administrator's decision; its English name is unique.</summary>
    public static async Task<string> RegisterVendorAsync(StandaloneSite site, string tag)
    {
        using var http = Client(site);
        var brn = Random.Shared.Next(10_000_000, 99_999_999).ToString(System.Globalization.CultureInfo.InvariantCulture);
        var name = $"Kowloon Bay Analytics {tag} Limited";
        var response = await http.PostAsJsonAsync("/api/identity/registrations", new
        {
            organisation = new { type = "Vendor", nameEn = name, nameZh = "九龍灣分析有限公司", businessRegistrationNumber = brn, sizeClass = "Startup" },
            contact = new { email = $"founder.{tag}@kowloonbay.example.hk", name = "Wong Ka-yan", password = "KowloonBay2026pw", locale = "en" },
        });
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return name;
    }

    /// <summary>A scenario of the Digital Policy Office, submitted for the batch.</summary>
    public static async Task<Guid> SubmitScenarioAsync(StandaloneSite site, Guid batchId, string title)
    {
        using var http = await OfficerAsync(site);
        var created = await http.PostAsJsonAsync("/api/catalogue/scenarios", new
        {
            titleEn = title, titleZh = "政府網站無障礙自動檢測",
            problemEn = "Accessibility checks of government websites are done by hand, a few pages a week.",
            problemZh = "政府網站的無障礙檢查以人手進行，每週只能檢查數頁。",
            expectedOutcomesEn = "Every page of every government website checked weekly.", expectedOutcomesZh = "每週檢查所有政府網站的每一頁。",
            area = "Government", sector = "public-services", capabilities = new[] { "computer-vision" },
            budgetMinHkd = 400_000m, budgetMaxHkd = 1_200_000m, dataResidency = "HongKongOnly", pilotDurationMonths = 6, targetSchemes = new[] { "PSTS" },
            kpis = new[] { new { nameEn = "Pages checked per week", nameZh = "每週檢查頁數", target = "10,000" } },
            dataDescriptionEn = "The sitemaps of government websites.", dataDescriptionZh = "政府網站的網站地圖。", dataFormat = "XML",
            aiRiskTier = "Low", contactName = "Lau Chi-keung", contactEmail = "a11y@dpo.example.gov.hk",
        });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var id = (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
        var submitted = await http.PostAsJsonAsync($"/api/catalogue/scenarios/{id}/submit", new { batchId });
        Assert.Equal(HttpStatusCode.OK, submitted.StatusCode);
        return id;
    }

    /// <summary>Cancels the scenario again, so the demo's count of open scenarios stays what other tests expect.</summary>
    public static async Task CancelScenarioAsync(StandaloneSite site, Guid id)
    {
        using var http = await OfficerAsync(site);
        var cancelled = await http.PostAsJsonAsync($"/api/catalogue/scenarios/{id}/cancel", new { reason = "Test scenario withdrawn after the browser test" });
        Assert.Equal(HttpStatusCode.OK, cancelled.StatusCode);
    }

    private static async Task<HttpClient> OfficerAsync(StandaloneSite site)
    {
        var http = Client(site);
        var token = await (await TokenEndpoint.PasswordAsync(http, Officer, SignIn.Password)).Content.ReadFromJsonAsync<JsonElement>();
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token.GetProperty("access_token").GetString());
        return http;
    }
}
