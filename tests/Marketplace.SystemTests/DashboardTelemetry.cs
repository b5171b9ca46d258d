using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace Marketplace.SystemTests;

/// <summary>
/// What the Aspire dashboard holds, read through its telemetry HTTP API (<c>/api/telemetry/*</c>, the one the Aspire CLI
/// reads). As the CLI does, it trades the dashboard's browser token (the <c>t</c> of the login link) for the API's key.
/// </summary>
public sealed class DashboardTelemetry(Uri dashboard, string browserToken) : IDisposable
{
    private readonly HttpClient _client = new() { BaseAddress = dashboard, Timeout = TimeSpan.FromSeconds(60) };

    /// <summary>Asks the dashboard for the telemetry API's key; false while the dashboard does not answer yet.</summary>
    public async Task<bool> SignInAsync()
    {
        try
        {
            using var response = await _client.PostAsJsonAsync("api/telemetry/validateToken", new { token = browserToken });
            response.EnsureSuccessStatusCode();
            var answer = await response.Content.ReadFromJsonAsync<JsonElement>();
            var apiKey = answer.EnumerateObject().Single(p => p.NameEquals("apiKey") || p.NameEquals("ApiKey")).Value.GetString();
            _client.DefaultRequestHeaders.Remove("x-api-key");
            _client.DefaultRequestHeaders.Add("x-api-key", apiKey);
            return true;
        }
        catch (HttpRequestException)
        {
            return false;
        }
    }

    /// <summary>A resource that has sent telemetry, as the dashboard's resource filter lists it.</summary>
    public sealed record Resource(string Name, bool HasLogs, bool HasTraces, bool HasMetrics);

    /// <summary>Every resource that has sent telemetry.</summary>
    public async Task<IReadOnlyList<Resource>> ResourcesAsync()
    {
        var resources = await _client.GetFromJsonAsync<JsonElement>("api/telemetry/resources");
        return [.. resources.EnumerateArray().Select(r => new Resource(
            r.GetProperty("name").GetString()!, r.GetProperty("hasLogs").GetBoolean(), r.GetProperty("hasTraces").GetBoolean(), r.GetProperty("hasMetrics").GetBoolean()))];
    }

    /// <summary>The services (<c>service.name</c>) whose spans the dashboard shows in the trace; none while it has no such trace.</summary>
    public async Task<IReadOnlyList<string>> ServicesInTraceAsync(string traceId)
    {
        using var response = await _client.GetAsync($"api/telemetry/traces/{traceId}");
        // Not found until the spans are exported (batched for a second) and stored.
        if (response.StatusCode == HttpStatusCode.NotFound)
        {
            return [];
        }
        response.EnsureSuccessStatusCode();
        var trace = await response.Content.ReadFromJsonAsync<JsonElement>();
        return [.. trace.GetProperty("data").GetProperty("resourceSpans").EnumerateArray()
            .Where(r => r.GetProperty("scopeSpans").EnumerateArray().Any(s => s.GetProperty("spans").GetArrayLength() > 0))
            .Select(r => r.GetProperty("resource").GetProperty("attributes").EnumerateArray()
                .First(a => a.GetProperty("key").GetString() == "service.name").GetProperty("value").GetProperty("stringValue").GetString()!)
            .Distinct()
            .Order(StringComparer.Ordinal)];
    }

    public void Dispose() => _client.Dispose();
}
