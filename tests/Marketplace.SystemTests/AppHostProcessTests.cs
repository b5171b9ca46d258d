using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text.Json;
using Marketplace.Testing;

namespace Marketplace.SystemTests;

/// <summary>
/// The Aspire AppHost (tools/Marketplace.AppHost) run as an operator runs it, against the test servers, on throwaway
/// databases, a throwaway virtual host and free ports: the hosts come up behind the gateway and the dashboard shows them.
/// </summary>
public sealed class AppHostProcessTests
{
    private static readonly string[] Hosts = ["identity", "catalogue", "matching", "funding", "talent", "opendata", "gateway"];
    private const string AdminEmail = "admin@apphost.test";
    private const string AdminPassword = "AppHost2026x";

    [Fact]
    public async Task The_AppHost_migrates_and_starts_every_host_behind_the_gateway_and_its_dashboard_shows_their_traces_logs_and_metrics()
    {
        var databases = Hosts.Select(host => host == "gateway" ? "web" : host).ToDictionary(db => db, PostgresDatabase.Reserve);
        await using var vhost = await RabbitVirtualHost.CreateAsync();
        var ports = Hosts.ToDictionary(host => host, _ => LoopbackPorts.Free());
        var (dashboardPort, otlpPort) = (LoopbackPorts.Free(), LoopbackPorts.Free());
        var browserToken = Convert.ToHexString(RandomNumberGenerator.GetBytes(16));
        var environment = new Dictionary<string, string>
        {
            ["DOTNET_ENVIRONMENT"] = "Development",
            ["ASPNETCORE_URLS"] = $"http://localhost:{dashboardPort}",
            ["ASPIRE_DASHBOARD_OTLP_ENDPOINT_URL"] = $"http://localhost:{otlpPort}",
            ["ASPIRE_ALLOW_UNSECURED_TRANSPORT"] = "true",
            ["ASPIRE_DASHBOARD_FRONTEND_BROWSERTOKEN"] = browserToken,
            ["ConnectionStrings__postgres"] = TestServers.Postgres,
            ["ConnectionStrings__rabbitmq"] = vhost.Uri,
            ["Parameters__admin-email"] = AdminEmail,
            ["Parameters__admin-password"] = AdminPassword,
        };
        foreach (var (db, database) in databases)
        {
            environment[$"Marketplace__Databases__{db}"] = database.Name;
        }
        foreach (var (host, port) in ports)
        {
            environment[$"Marketplace__Ports__{host}"] = port.ToString(CultureInfo.InvariantCulture);
        }

        try
        {
            await using var appHost = AppHostProcess.Start(environment);
            using var gateway = new HttpClient { BaseAddress = new Uri($"http://localhost:{ports["gateway"]}"), Timeout = TimeSpan.FromSeconds(30) };
            // Migrations, then six services side by side, then the gateway once they are ready: two to three minutes on a loaded
            // 2-core machine; the bound is for a machine that also runs other suites.
            var ready = await WithOutputOnTimeout(appHost, () => Eventually.Until(async () =>
            {
                appHost.RecordDescendants();
                if (appHost.HasExited)
                {
                    Assert.Fail($"The AppHost exited:\n{appHost.Output}");
                }
                return await StatusAsync(gateway, "/health/ready");
            }, status => status == HttpStatusCode.OK, TimeSpan.FromMinutes(4), "the gateway's readiness through the AppHost"));
            Assert.Equal(HttpStatusCode.OK, ready);

            // The first administrator (the AppHost's parameters) signs in through the gateway and calls a service in a trace of the test's own.
            gateway.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer",
                await TokenEndpoint.SignInAsync(gateway, AdminEmail, AdminPassword));
            var traceId = ActivityTraceId.CreateRandom().ToHexString();
            using var create = new HttpRequestMessage(HttpMethod.Post, "/api/catalogue/batches")
            {
                Content = JsonContent.Create(new { year = 2027, number = 4, descriptionEn = "Run by the AppHost", descriptionZh = "由應用主機運行", proposalDeadline = DateTimeOffset.UtcNow.AddDays(30) }),
            };
            create.Headers.Add("traceparent", $"00-{traceId}-{ActivitySpanId.CreateRandom().ToHexString()}-01");
            var created = await gateway.SendAsync(create);
            Assert.True(created.StatusCode == HttpStatusCode.Created, $"{created.StatusCode}: {await created.Content.ReadAsStringAsync()}\n{appHost.Output}");
            var batches = await gateway.GetFromJsonAsync<JsonElement>("/api/catalogue/batches");
            Assert.Contains(batches.EnumerateArray(), b => b.GetProperty("number").GetInt32() == 4);
            // It was written to the database the AppHost was told to give the catalogue.
            Assert.Equal(1, await databases["catalogue"].CountAsync("SELECT count(*) FROM batches"));

            // The dashboard shows that request's trace across the gateway and the catalogue, and every host's traces, logs and metrics.
            using var dashboard = new DashboardTelemetry(new Uri($"http://localhost:{dashboardPort}"), browserToken);
            Assert.True(await dashboard.SignInAsync(), $"The dashboard did not take its browser token:\n{appHost.Output}");
            var services = await WithOutputOnTimeout(appHost, () => Eventually.Until(() => dashboard.ServicesInTraceAsync(traceId),
                s => s.Contains("gateway") && s.Contains("catalogue"), TimeSpan.FromSeconds(90), "the request's trace in the dashboard"));
            Assert.DoesNotContain(services, s => !Hosts.Contains(s));
            var resources = await WithOutputOnTimeout(appHost, () => Eventually.Until(dashboard.ResourcesAsync,
                r => Hosts.All(host => r.Any(x => x is { HasLogs: true, HasTraces: true, HasMetrics: true } && x.Name == host)),
                TimeSpan.FromSeconds(90), "every host's logs, traces and metrics in the dashboard"));
            Assert.Equal(Hosts.Order(), resources.Select(r => r.Name).Order());
        }
        finally
        {
            foreach (var database in databases.Values)
            {
                await database.DisposeAsync();
            }
        }
    }

    /// <summary>A wait that times out fails with what the AppHost printed (its resources' states and errors).</summary>
    private static async Task<T> WithOutputOnTimeout<T>(AppHostProcess appHost, Func<Task<T>> wait)
    {
        try
        {
            return await wait();
        }
        catch (TimeoutException e)
        {
            throw new TimeoutException($"{e.Message}\n--- AppHost ---\n{appHost.Output}", e);
        }
    }

    private static async Task<HttpStatusCode> StatusAsync(HttpClient client, string path)
    {
        try
        {
            using var response = await client.GetAsync(path);
            return response.StatusCode;
        }
        catch (HttpRequestException)
        {
            return 0;
        }
        catch (TaskCanceledException)
        {
            return 0;
        }
    }
}
