using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;

namespace Marketplace.Testing;

/// <summary>
/// A throwaway virtual host on the test RabbitMQ broker, so parallel test classes never consume
/// each other's messages. Created and deleted through the management HTTP API.
/// </summary>
public sealed class RabbitVirtualHost : IAsyncDisposable
{
    private readonly HttpClient _management;

    private RabbitVirtualHost(string name, HttpClient management)
    {
        Name = name;
        _management = management;
        var broker = TestServers.RabbitMq;
        Uri = new UriBuilder(broker) { Path = "/" + System.Uri.EscapeDataString(name) }.Uri.ToString();
    }

    public string Name { get; }

    /// <summary>The AMQP URI services use (<c>Messaging:RabbitMqUri</c>).</summary>
    public string Uri { get; }

    public static async Task<RabbitVirtualHost> CreateAsync()
    {
        var management = Client();
        var name = $"t-{Guid.NewGuid():N}";
        (await management.PutAsync($"api/vhosts/{name}", null)).EnsureSuccessStatusCode();
        var permissions = new StringContent("""{"configure":".*","write":".*","read":".*"}""", Encoding.UTF8, "application/json");
        var user = TestServers.RabbitMq.UserInfo.Split(':')[0];
        (await management.PutAsync($"api/permissions/{name}/{user}", permissions)).EnsureSuccessStatusCode();
        return new RabbitVirtualHost(name, management);
    }

    /// <summary>How many messages wait in a queue of this virtual host (0 when it does not exist).</summary>
    public async Task<int> QueueDepthAsync(string queue)
    {
        var response = await _management.GetAsync($"api/queues/{Name}/{queue}");
        if (!response.IsSuccessStatusCode)
        {
            return 0;
        }
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        return json.RootElement.TryGetProperty("messages", out var messages) && messages.ValueKind == JsonValueKind.Number ? messages.GetInt32() : 0;
    }

    /// <summary>Every queue of this virtual host with the count of messages waiting in it (the broker's statistics lag a few seconds).</summary>
    public async Task<IReadOnlyDictionary<string, int>> QueuesAsync()
    {
        var response = await _management.GetAsync($"api/queues/{Name}");
        response.EnsureSuccessStatusCode();
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        return json.RootElement.EnumerateArray().ToDictionary(
            queue => queue.GetProperty("name").GetString()!,
            queue => queue.TryGetProperty("messages", out var messages) && messages.ValueKind == JsonValueKind.Number ? messages.GetInt32() : 0);
    }

    public async ValueTask DisposeAsync()
    {
        await _management.DeleteAsync($"api/vhosts/{Name}");
        _management.Dispose();
    }

    private static HttpClient Client()
    {
        var uri = TestServers.RabbitMqManagement;
        var client = new HttpClient { BaseAddress = new UriBuilder(uri) { UserName = "", Password = "" }.Uri, Timeout = TimeSpan.FromSeconds(30) };
        var credentials = Convert.ToBase64String(Encoding.UTF8.GetBytes(System.Uri.UnescapeDataString(uri.UserInfo)));
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Basic", credentials);
        return client;
    }
}
