using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using Marketplace.Testing;

namespace Marketplace.SoakTests;

/// <summary>
/// The load's requests to the gateway, each timed and recorded. A request whose status is not the one expected, that throws or
/// that times out is an error; the caller gets its body only when it succeeded.
/// </summary>
public sealed class GatewayCalls(HttpClient http, RequestLog log, Stopwatch clock)
{
    public HttpClient Http => http;

    public Task<string?> GetAsync(string kind, string path, SignedInPerson? person = null) =>
        SendAsync(kind, HttpMethod.Get, path, person, null, HttpStatusCode.OK);

    public async Task<string?> SendAsync(string kind, HttpMethod method, string path, SignedInPerson? person, object? body, HttpStatusCode expected)
    {
        var token = person is null ? null : await person.AccessTokenAsync(this);
        using var request = new HttpRequestMessage(method, path) { Content = body is null ? null : JsonContent.Create(body) };
        if (token is not null)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        }
        return await RecordAsync(kind, path, expected, () => http.SendAsync(request));
    }

    /// <summary>Times <paramref name="send"/> up to the last byte of the body, so a slow stream counts as slow.</summary>
    public async Task<string?> RecordAsync(string kind, string path, HttpStatusCode expected, Func<Task<HttpResponseMessage>> send)
    {
        var at = clock.Elapsed;
        var watch = Stopwatch.StartNew();
        try
        {
            using var response = await send();
            var content = await response.Content.ReadAsStringAsync();
            var ok = response.StatusCode == expected;
            log.Add(new(kind, ServiceOf(path), at, watch.Elapsed, (int)response.StatusCode,
                ok ? null : $"{path}: {(int)response.StatusCode}, expected {(int)expected}: {content[..Math.Min(300, content.Length)]}"));
            return ok ? content : null;
        }
        catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException or IOException)
        {
            log.Add(new(kind, ServiceOf(path), at, watch.Elapsed, 0, $"{path}: {ex.GetType().Name}: {ex.Message}"));
            return null;
        }
    }

    /// <summary>The host behind the gateway that answers the path: <c>/api/catalogue/...</c> the catalogue; the web UI's pages the gateway itself.</summary>
    public static string ServiceOf(string path) =>
        path.StartsWith("/api/", StringComparison.Ordinal) ? path.Split('/', 4)[2] : DistributedHosts.Gateway;
}
