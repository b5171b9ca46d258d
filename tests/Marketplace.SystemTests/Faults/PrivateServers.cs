using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using Marketplace.Testing;

namespace Marketplace.SystemTests.Faults;

/// <summary>
/// A PostgreSQL and a RabbitMQ of the fault tests' own (scripts/test-servers.sh on free loopback
/// ports and a temporary folder), so that stopping and restarting them never disturbs the shared
/// servers other test assemblies use. Stopped at the end.
/// </summary>
public sealed class PrivateServers : IAsyncLifetime
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "marketplace-faults-" + Guid.NewGuid().ToString("N")[..8]);
    private readonly int _postgresPort = LoopbackPorts.Free();
    private readonly int _amqpPort = LoopbackPorts.Free();
    private readonly int _managementPort = LoopbackPorts.Free();

    public string Postgres => $"Host=127.0.0.1;Port={_postgresPort};Username=postgres;Password=postgres;Timeout=5;Command Timeout=15";

    public string RabbitMq => $"amqp://guest:guest@127.0.0.1:{_amqpPort}/";

    public async Task InitializeAsync()
    {
        await ScriptAsync("start", new Dictionary<string, string>
        {
            ["MARKETPLACE_PG_PORT"] = Port(_postgresPort),
            ["MARKETPLACE_RABBIT_PORT"] = Port(_amqpPort),
            ["MARKETPLACE_RABBIT_MGMT_PORT"] = Port(_managementPort),
            ["MARKETPLACE_RABBIT_DIST_PORT"] = Port(LoopbackPorts.Free()),
            ["MARKETPLACE_EPMD_PORT"] = Port(LoopbackPorts.Free()),
            ["MARKETPLACE_RABBIT_NODE"] = "mpfaults@localhost",
        });
    }

    public Task RestartRabbitMqAsync() => ScriptAsync("rabbitmq-restart");

    public Task StopPostgresAsync() => ScriptAsync("postgres-stop");

    public Task StartPostgresAsync() => ScriptAsync("postgres-start");

    /// <summary>Messages waiting in a queue of the private broker (0 when it does not exist).</summary>
    public async Task<int> QueueDepthAsync(string queue)
    {
        using var management = Management();
        var response = await management.GetAsync($"api/queues/%2F/{queue}");
        if (!response.IsSuccessStatusCode)
        {
            return 0;
        }
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        return json.RootElement.TryGetProperty("messages", out var messages) && messages.ValueKind == JsonValueKind.Number ? messages.GetInt32() : 0;
    }

    /// <summary>How many consumers (channels of any process) listen on a queue of the private broker.</summary>
    public async Task<int> QueueConsumersAsync(string queue)
    {
        using var management = Management();
        var response = await management.GetAsync($"api/queues/%2F/{queue}");
        if (!response.IsSuccessStatusCode)
        {
            return 0;
        }
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        return json.RootElement.TryGetProperty("consumers", out var consumers) && consumers.ValueKind == JsonValueKind.Number ? consumers.GetInt32() : 0;
    }

    public async Task DisposeAsync()
    {
        await ScriptAsync("stop");
        Directory.Delete(_folder, recursive: true);
    }

    private HttpClient Management()
    {
        var client = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{_managementPort}/"), Timeout = TimeSpan.FromSeconds(30) };
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Basic", Convert.ToBase64String(Encoding.ASCII.GetBytes("guest:guest")));
        return client;
    }

    private static string Port(int port) => port.ToString(CultureInfo.InvariantCulture);

    private async Task ScriptAsync(string command, IDictionary<string, string>? environment = null)
    {
        var info = new ProcessStartInfo(Path.Combine(HostProcesses.RepositoryRoot, "scripts", "test-servers.sh"))
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        info.ArgumentList.Add(command);
        info.ArgumentList.Add(_folder);
        foreach (var (key, value) in environment ?? new Dictionary<string, string>())
        {
            info.Environment[key] = value;
        }
        using var process = Process.Start(info)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(3));
        await process.WaitForExitAsync(timeout.Token);
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"test-servers.sh {command} failed:\n{await output}\n{await error}");
        }
    }
}
