using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Marketplace.Gateway;
using Marketplace.Identity.Host;
using Marketplace.IntegrationTests.Infrastructure;
using Marketplace.ServiceDefaults.Auth;
using Marketplace.Testing;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Yarp.ReverseProxy;
using Yarp.ReverseProxy.Model;

namespace Marketplace.IntegrationTests;

/// <summary>The gateway (YARP) in front of a real service process stand-in on loopback sockets.</summary>
public sealed class GatewayTests : IAsyncLifetime
{
    private readonly TaskCompletionSource _firstUploadBytes = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly TaskCompletionSource _clientReadFirstPart = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private WebApplication? _service;
    private readonly string _identityFolder = Path.Combine(Path.GetTempPath(), "marketplace-tests", Guid.NewGuid().ToString("N"));
    private readonly string _gatewayFolder = Path.Combine(Path.GetTempPath(), "marketplace-tests", Guid.NewGuid().ToString("N"));
    private ServiceApp<IdentityHost>? _identity;
    private WebApplicationFactory<GatewayHost>? _gateway;
    private readonly ConcurrentQueue<string> _logged = new();
    private long _uploaded;

    public async Task InitializeAsync()
    {
        _service = Backend();
        await _service.StartAsync();
        // The gateway reads tokens (to rate-limit per client) through the real identity service's discovery.
        _identity = new ServiceApp<IdentityHost>(new Dictionary<string, string?>(Tokens.IdentitySettings)
        {
            ["Auth:Authority"] = "",
            ["Database:Provider"] = "Sqlite",
            ["Database:DataFolder"] = _identityFolder,
            ["ConnectionStrings:identity"] = $"Data Source={Path.Combine(_identityFolder, "identity.db")}",
            ["Database:MigrateOnStart"] = "true",
            ["Messaging:Transport"] = "InMemory",
            ["Logging:LogLevel:Default"] = "Warning",
        }, TimeProvider.System).StartOnSocket(LoopbackPorts.Free());
        _gateway = StartGateway(new Dictionary<string, string>());
    }

    /// <summary>A gateway on its own loopback port in front of the stand-in service, the identity service and a stopped one.</summary>
    private WebApplicationFactory<GatewayHost> StartGateway(Dictionary<string, string> settings)
    {
        var port = LoopbackPorts.Free();
        var gateway = new WebApplicationFactory<GatewayHost>().WithWebHostBuilder(b =>
        {
            // The factory applies UseKestrel(port) only to the factory it was called on, not to one derived by WithWebHostBuilder.
            b.UseUrls($"http://127.0.0.1:{port}");
            b.UseSetting("Auth:Authority", TestServers.Issuer);
            b.UseSetting("Auth:MetadataAddress", $"{_identity!.BaseUrl}/api/identity/.well-known/openid-configuration");
            b.UseSetting("Auth:RequireHttpsMetadata", "false");
            b.UseSetting("Gateway:Services:identity", _identity.BaseUrl);
            b.UseSetting("Gateway:Services:catalogue", _service!.Urls.Single());
            b.UseSetting("Gateway:Services:reports", _service.Urls.Single());
            b.UseSetting("Gateway:Services:stopped", $"http://127.0.0.1:{LoopbackPorts.Free()}");
            b.UseSetting("Gateway:TimeoutSeconds", "2");
            b.UseSetting("Gateway:RouteTimeoutSeconds:reports", "1");
            b.UseSetting("Gateway:PermitsPerClientPerMinute", "5");
            b.UseSetting("Gateway:PermitsPerIpPerMinute", "1000");
            b.UseSetting("Logging:LogLevel:Default", "Warning");
            // The web UI's session database, in this test's own folder.
            b.UseSetting("Database:DataFolder", _gatewayFolder);
            b.UseSetting("Database:MigrateOnStart", "true");
            foreach (var (key, value) in settings)
            {
                b.UseSetting(key, value);
            }
            b.ConfigureLogging(logging => logging.AddProvider(new LogCollector(_logged)));
        });
        gateway.UseKestrel();
        gateway.StartServer();
        return gateway;
    }

    public async Task DisposeAsync()
    {
        if (_gateway is not null)
        {
            await _gateway.DisposeAsync();
        }
        if (_service is not null)
        {
            await _service.DisposeAsync();
        }
        if (_identity is not null)
        {
            await _identity.DisposeAsync();
        }
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
    }

    private HttpClient Client() => Client(_gateway!);

    private static HttpClient Client(WebApplicationFactory<GatewayHost> gateway) =>
        new() { BaseAddress = GatewayAddress(gateway), Timeout = TimeSpan.FromSeconds(60) };

    private static Uri GatewayAddress(WebApplicationFactory<GatewayHost> gateway)
    {
        var addresses = gateway.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses;
        return new Uri(addresses.First().Replace("localhost", "127.0.0.1", StringComparison.Ordinal).Replace("[::]", "127.0.0.1", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Calls_are_routed_to_their_service_with_the_token_the_trace_context_and_the_callers_correlation_id()
    {
        var client = Client();
        var token = Tokens.For(Roles.Vendor, Guid.NewGuid());
        client.DefaultRequestHeaders.Authorization = new("Bearer", token);
        client.DefaultRequestHeaders.Add("X-Correlation-ID", "gateway-test-1");

        var response = await client.GetAsync("/api/catalogue/scenarios?area=Living");
        var echo = await response.Content.ReadFromJsonAsync<JsonElement>();

        Assert.Equal("GET /api/catalogue/scenarios?area=Living", echo.GetProperty("request").GetString());
        Assert.Equal("Bearer " + token, echo.GetProperty("authorization").GetString());
        Assert.Equal("gateway-test-1", echo.GetProperty("correlationId").GetString());
        Assert.Equal("127.0.0.1", echo.GetProperty("forwardedFor").GetString());
        // The service continues the gateway's trace, and the caller is told which trace that is: once,
        // although both hops name it, and so with the content language both hops set.
        Assert.True(ActivityContext.TryParse(echo.GetProperty("traceparent").GetString(), null, out var forwarded));
        Assert.Equal(forwarded.TraceId.ToHexString(), response.Headers.GetValues("X-Correlation-ID").Single());
        Assert.Equal(["en"], response.Content.Headers.ContentLanguage);
    }

    [Fact]
    public async Task An_invalid_token_is_refused_at_the_gateway_before_any_service_sees_it()
    {
        var client = Client();
        client.DefaultRequestHeaders.Authorization = new("Bearer", "not-a-token");

        var response = await client.GetAsync("/api/catalogue/scenarios");

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Contains("invalid_token", response.Headers.WwwAuthenticate.ToString());
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task The_identity_service_is_reached_through_the_gateway_and_its_discovery_names_the_configured_public_origin()
    {
        var client = Client();
        var discovery = await client.GetFromJsonAsync<JsonElement>("/api/identity/.well-known/openid-configuration");

        Assert.Equal(TestServers.Issuer, discovery.GetProperty("issuer").GetString());
        // Every endpoint is under the configured issuer, wherever the request came from.
        Assert.Equal(TestServers.Issuer + "/connect/token", discovery.GetProperty("token_endpoint").GetString());
        Assert.Equal(TestServers.Issuer + "/.well-known/jwks", discovery.GetProperty("jwks_uri").GetString());
        var refused = await TokenEndpoint.PasswordAsync(Client(), "nobody@gateway.test", "Wrong-password-1");
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.Equal("invalid_grant", (await refused.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("error").GetString());
    }

    [Fact]
    public async Task Forwarded_headers_a_client_sends_change_no_address_in_the_discovery_document_through_the_gateway_or_directly()
    {
        using var direct = new HttpClient { BaseAddress = new Uri(_identity!.BaseUrl) };
        foreach (var client in new[] { Client(), direct })
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, "/api/identity/.well-known/openid-configuration");
            request.Headers.Add("X-Forwarded-Host", "evil.example");
            request.Headers.Add("X-Forwarded-Proto", "https");
            request.Headers.Add("X-Forwarded-Prefix", "/evil");
            request.Headers.Add("Forwarded", "host=evil.example;proto=https");
            request.Headers.Host = "evil.example";
            using var response = await client.SendAsync(request);
            var text = await response.Content.ReadAsStringAsync();

            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.DoesNotContain("evil", text, StringComparison.Ordinal);
            var discovery = JsonDocument.Parse(text).RootElement;
            Assert.Equal(TestServers.Issuer, discovery.GetProperty("issuer").GetString());
            Assert.Equal(TestServers.Issuer + "/connect/token", discovery.GetProperty("token_endpoint").GetString());
        }
    }

    [Fact]
    public async Task The_gateway_replaces_the_forwarded_headers_a_client_sends_with_its_own()
    {
        var client = Client();
        client.DefaultRequestHeaders.Authorization = new("Bearer", Tokens.For(Roles.Vendor, Guid.NewGuid()));
        client.DefaultRequestHeaders.Add("X-Forwarded-For", "203.0.113.66");
        client.DefaultRequestHeaders.Add("X-Forwarded-Proto", "https");
        client.DefaultRequestHeaders.Add("X-Forwarded-Host", "evil.example");
        client.DefaultRequestHeaders.Add("X-Forwarded-Prefix", "/evil");
        client.DefaultRequestHeaders.Add("Forwarded", "for=203.0.113.66");
        client.DefaultRequestHeaders.Add("X-Real-IP", "203.0.113.66");

        var echo = await client.GetFromJsonAsync<JsonElement>("/api/catalogue/scenarios");

        Assert.Equal("127.0.0.1", echo.GetProperty("forwardedFor").GetString());
        Assert.Equal("http", echo.GetProperty("forwardedProto").GetString());
        Assert.Equal(client.BaseAddress!.Authority, echo.GetProperty("forwardedHost").GetString());
        Assert.Equal("", echo.GetProperty("forwardedPrefix").GetString());
        Assert.Equal("", echo.GetProperty("forwarded").GetString());
        Assert.Equal("", echo.GetProperty("realIp").GetString());
    }

    [Fact]
    public async Task A_known_proxys_client_address_is_honoured_for_rate_limits_and_forwarding_but_never_changes_the_issuer()
    {
        // A gateway behind a load balancer at 127.0.0.1: it believes that proxy's X-Forwarded-For.
        var port = LoopbackPorts.Free();
        await using var behindProxy = new WebApplicationFactory<GatewayHost>().WithWebHostBuilder(b =>
        {
            // UseKestrel(port) applies only to the factory it is called on, not to one derived by WithWebHostBuilder.
            b.UseUrls($"http://127.0.0.1:{port}");
            b.UseSetting("Auth:Authority", TestServers.Issuer);
            b.UseSetting("Auth:MetadataAddress", $"{_identity!.BaseUrl}/api/identity/.well-known/openid-configuration");
            b.UseSetting("Auth:RequireHttpsMetadata", "false");
            b.UseSetting("Gateway:Services:identity", _identity.BaseUrl);
            b.UseSetting("Gateway:Services:catalogue", _service!.Urls.Single());
            b.UseSetting("Gateway:PermitsPerIpPerMinute", "2");
            b.UseSetting("ForwardedHeaders:KnownProxies:0", "127.0.0.1");
            b.UseSetting("Logging:LogLevel:Default", "Warning");
        });
        behindProxy.UseKestrel();
        behindProxy.StartServer();
        async Task<HttpResponseMessage> FromAsync(string client, string path)
        {
            using var http = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}") };
            using var request = new HttpRequestMessage(HttpMethod.Get, path);
            request.Headers.Add("X-Forwarded-For", client);
            request.Headers.Add("X-Forwarded-Proto", "https");
            request.Headers.Add("X-Forwarded-Host", "evil.example");
            return await http.SendAsync(request);
        }

        var first = await (await FromAsync("203.0.113.1", "/api/catalogue/scenarios")).Content.ReadFromJsonAsync<JsonElement>();
        var discovery = await FromAsync("203.0.113.1", "/api/identity/.well-known/openid-configuration");
        var third = await FromAsync("203.0.113.1", "/api/catalogue/scenarios");
        var otherClient = await FromAsync("203.0.113.2", "/api/catalogue/scenarios");

        // The service sees the client's address and scheme as the proxy reported them.
        Assert.Equal("203.0.113.1", first.GetProperty("forwardedFor").GetString());
        Assert.Equal("https", first.GetProperty("forwardedProto").GetString());
        // Each client address has its own quota.
        Assert.Equal(HttpStatusCode.TooManyRequests, third.StatusCode);
        Assert.Equal(HttpStatusCode.OK, otherClient.StatusCode);
        var document = await discovery.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(TestServers.Issuer, document.GetProperty("issuer").GetString());
        Assert.Equal(TestServers.Issuer + "/connect/token", document.GetProperty("token_endpoint").GetString());
    }

    [Fact]
    public async Task A_stopped_service_answers_502_problem_details_without_hanging()
    {
        // The gateway's first proxied call (start-up work) is not what this test times.
        await Client().GetAsync("/api/catalogue/scenarios");
        var watch = Stopwatch.StartNew();
        var response = await Client().GetAsync("/api/stopped/anything");

        Assert.Equal(HttpStatusCode.BadGateway, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains("'stopped'", (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("detail").GetString());
        // Refused connections fail fast (retries included); only the 2 s timeout would be slower.
        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(2), $"took {watch.Elapsed}");
    }

    [Fact]
    public async Task A_slow_service_answers_504_problem_details()
    {
        var response = await Client().GetAsync("/api/catalogue/slow");

        Assert.Equal(HttpStatusCode.GatewayTimeout, response.StatusCode);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Contains("within 2 seconds", problem.GetProperty("detail").GetString());
    }

    [Fact]
    public async Task A_routes_own_timeout_answers_504_problem_details_before_the_silence_limit()
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/reports/slow");
        request.Headers.AcceptLanguage.ParseAdd("zh-HK");

        var response = await Client().SendAsync(request);

        Assert.Equal(HttpStatusCode.GatewayTimeout, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("「reports」服務未能在 1 秒內回應。", problem.GetProperty("detail").GetString());
        Assert.Equal("服務回應逾時。", problem.GetProperty("title").GetString());
    }

    [Fact]
    public async Task Reads_are_retried_when_the_connection_fails_and_writes_are_not()
    {
        var read = await Client().GetAsync("/api/stopped/anything");
        var retriesOfTheRead = Logged("Service stopped unreachable (attempt");
        var write = await Client().PostAsync("/api/stopped/anything", new StringContent("{}"));

        Assert.Equal(HttpStatusCode.BadGateway, read.StatusCode);
        Assert.Equal(HttpStatusCode.BadGateway, write.StatusCode);
        Assert.Equal(2, retriesOfTheRead);
        Assert.Equal(2, Logged("Service stopped unreachable (attempt"));
    }

    [Fact]
    public async Task Active_health_checks_take_a_stopped_service_out_and_keep_a_running_one_in()
    {
        await using var gateway = StartGateway(new Dictionary<string, string> { ["Gateway:HealthCheckIntervalSeconds"] = "1" });
        var state = gateway.Services.GetRequiredService<IProxyStateLookup>();
        DestinationHealth Health(string service) =>
            state.TryGetCluster(service, out var cluster) ? cluster.Destinations.Values.Single().Health.Active : DestinationHealth.Unknown;

        var watch = Stopwatch.StartNew();
        while ((Health("stopped") != DestinationHealth.Unhealthy || Health("catalogue") != DestinationHealth.Healthy) && watch.Elapsed < TimeSpan.FromSeconds(30))
        {
            await Task.Delay(100);
        }

        Assert.Equal(DestinationHealth.Unhealthy, Health("stopped"));
        Assert.Equal(DestinationHealth.Healthy, Health("catalogue"));
        // Taken out, the stopped service is not even dialled: the caller still gets the 502 problem.
        var response = await Client(gateway).GetAsync("/api/stopped/anything");
        Assert.Equal(HttpStatusCode.BadGateway, response.StatusCode);
        Assert.Contains("'stopped'", (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("detail").GetString());
        Assert.Equal(0, Logged("Service stopped unreachable (attempt"));
        Assert.Equal(HttpStatusCode.OK, (await Client(gateway).GetAsync("/api/catalogue/scenarios")).StatusCode);
    }

    [Fact]
    public async Task Response_bodies_stream_to_the_client_as_the_service_writes_them()
    {
        using var response = await Client().GetAsync("/api/catalogue/download", HttpCompletionOption.ResponseHeadersRead);
        await using var body = await response.Content.ReadAsStreamAsync();
        var first = new byte[6];
        // The service writes the rest only after the client has read the first part through the gateway.
        await body.ReadExactlyAsync(first);
        _clientReadFirstPart.TrySetResult();
        var rest = await new StreamReader(body).ReadToEndAsync();

        Assert.Equal("first\n", System.Text.Encoding.ASCII.GetString(first));
        Assert.Equal("rest", rest);
    }

    [Fact]
    public async Task An_unknown_service_answers_404_problem_details()
    {
        var response = await Client().GetAsync("/api/nosuchservice/x");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Contains("nosuchservice", (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("detail").GetString());
    }

    [Fact]
    public async Task A_client_over_its_rate_limit_gets_429_problem_details_with_retry_after()
    {
        var client = Client();
        client.DefaultRequestHeaders.Authorization = new("Bearer", Tokens.For(Roles.Vendor, Guid.NewGuid()));
        var statuses = new List<HttpStatusCode>();
        HttpResponseMessage? last = null;
        for (var i = 0; i < 6; i++)
        {
            last = await client.GetAsync("/api/catalogue/scenarios");
            statuses.Add(last.StatusCode);
        }

        Assert.Equal(Enumerable.Repeat(HttpStatusCode.OK, 5).Append(HttpStatusCode.TooManyRequests), statuses);
        Assert.Equal("application/problem+json", last!.Content.Headers.ContentType?.MediaType);
        Assert.True(last.Headers.RetryAfter is not null);
        // Another client is not affected by the first one's limit.
        var other = Client();
        other.DefaultRequestHeaders.Authorization = new("Bearer", Tokens.For(Roles.Vendor, Guid.NewGuid()));
        Assert.Equal(HttpStatusCode.OK, (await other.GetAsync("/api/catalogue/scenarios")).StatusCode);
    }

    [Fact]
    public async Task Large_request_bodies_stream_through_without_being_buffered()
    {
        // The client sends 1 MiB, then waits until the service has received bytes before sending the
        // remaining 63 MiB. A gateway that buffered the whole body would never forward the first part.
        var content = new GatedContent(1 << 20, 63 << 20, _firstUploadBytes.Task);
        var response = await Client().PostAsync("/api/catalogue/upload", content);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(64L << 20, (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("bytes").GetInt64());
        Assert.Equal(64L << 20, Interlocked.Read(ref _uploaded));
    }

    [Fact]
    public async Task Browsers_of_other_origins_get_no_CORS_permission_unless_configured()
    {
        using var preflight = new HttpRequestMessage(HttpMethod.Options, "/api/catalogue/scenarios");
        preflight.Headers.Add("Origin", "https://evil.example");
        preflight.Headers.Add("Access-Control-Request-Method", "POST");

        var response = await Client().SendAsync(preflight);

        Assert.False(response.Headers.Contains("Access-Control-Allow-Origin"));
    }

    [Fact]
    public async Task The_api_page_and_the_web_uis_headers_stay_beside_proxied_calls_which_get_neither()
    {
        var client = Client();

        var page = await client.GetAsync("/api-docs/index.html");
        var uiAnswer = await client.GetAsync("/no-such-page");
        var proxied = await client.GetAsync("/api/catalogue/scenarios");

        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.True(uiAnswer.Headers.Contains("Content-Security-Policy"));
        Assert.Equal(HttpStatusCode.OK, proxied.StatusCode);
        Assert.False(proxied.Headers.Contains("Content-Security-Policy"));
        Assert.False(proxied.Headers.Contains("Set-Cookie"));
    }

    [Fact]
    public async Task Readiness_aggregates_the_services_behind_the_gateway()
    {
        var response = await Client().GetAsync("/health/ready");
        var health = await response.Content.ReadFromJsonAsync<JsonElement>();

        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        var checks = health.GetProperty("checks").EnumerateArray().ToDictionary(c => c.GetProperty("name").GetString()!, c => c.GetProperty("status").GetString());
        Assert.Equal("Healthy", checks["service-catalogue"]);
        Assert.Equal("Unhealthy", checks["service-stopped"]);
    }

    private WebApplication Backend()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls($"http://127.0.0.1:{LoopbackPorts.Free()}");
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        var app = builder.Build();
        app.MapGet("/api/catalogue/scenarios", (HttpRequest r) =>
        {
            // Like every marketplace service, it answers with its trace id and names its language.
            if (ActivityContext.TryParse(r.Headers["traceparent"].ToString(), null, out var trace))
            {
                r.HttpContext.Response.Headers["X-Correlation-ID"] = trace.TraceId.ToHexString();
            }
            r.HttpContext.Response.Headers.ContentLanguage = "en";
            return Results.Json(new
            {
                request = $"{r.Method} {r.Path}{r.QueryString}",
                authorization = r.Headers.Authorization.ToString(),
                correlationId = r.Headers["X-Correlation-ID"].ToString(),
                traceparent = r.Headers["traceparent"].ToString(),
                forwardedFor = r.Headers["X-Forwarded-For"].ToString(),
                forwardedProto = r.Headers["X-Forwarded-Proto"].ToString(),
                forwardedHost = r.Headers["X-Forwarded-Host"].ToString(),
                forwardedPrefix = r.Headers["X-Forwarded-Prefix"].ToString(),
                realIp = r.Headers["X-Real-IP"].ToString(),
                forwarded = r.Headers["Forwarded"].ToString(),
            });
        });
        app.MapGet("/api/catalogue/download", async (HttpResponse response) =>
        {
            await response.WriteAsync("first\n");
            await response.Body.FlushAsync();
            var released = await Task.WhenAny(_clientReadFirstPart.Task, Task.Delay(TimeSpan.FromSeconds(30))) == _clientReadFirstPart.Task;
            await response.WriteAsync(released ? "rest" : "the gateway held the first part back");
        });
        app.MapGet("/api/reports/slow", async () =>
        {
            await Task.Delay(TimeSpan.FromSeconds(10));
            return Results.Ok();
        });
        app.MapGet("/api/catalogue/slow", async () =>
        {
            await Task.Delay(TimeSpan.FromSeconds(10));
            return Results.Ok();
        });
        app.MapPost("/api/catalogue/upload", async (HttpRequest r) =>
        {
            r.HttpContext.Features.Get<Microsoft.AspNetCore.Http.Features.IHttpMaxRequestBodySizeFeature>()!.MaxRequestBodySize = null;
            var buffer = new byte[81920];
            long total = 0;
            int read;
            while ((read = await r.Body.ReadAsync(buffer)) > 0)
            {
                total += read;
                Interlocked.Exchange(ref _uploaded, total);
                _firstUploadBytes.TrySetResult();
            }
            return Results.Json(new { bytes = total });
        });
        app.MapGet("/health/ready", () => Results.Ok());
        return app;
    }

    private int Logged(string fragment) => _logged.Count(m => m.Contains(fragment, StringComparison.Ordinal));

    /// <summary>Keeps the gateway's log messages (at the configured Warning level and above), to see what it did.</summary>
    private sealed class LogCollector(ConcurrentQueue<string> messages) : ILoggerProvider, ILogger
    {
        public ILogger CreateLogger(string categoryName) => this;

        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
            messages.Enqueue(formatter(state, exception));

        public void Dispose()
        {
        }
    }

    /// <summary>A request body that pauses after its first part until the far end has seen bytes.</summary>
    private sealed class GatedContent(int first, int rest, Task gate) : HttpContent
    {
        protected override async Task SerializeToStreamAsync(Stream stream, TransportContext? context)
        {
            var chunk = new byte[64 * 1024];
            for (var sent = 0; sent < first; sent += chunk.Length)
            {
                await stream.WriteAsync(chunk);
            }
            await stream.FlushAsync();
            await gate.WaitAsync(TimeSpan.FromSeconds(30));
            for (var sent = 0; sent < rest; sent += chunk.Length)
            {
                await stream.WriteAsync(chunk);
            }
        }

        protected override bool TryComputeLength(out long length)
        {
            length = -1;
            return false;
        }
    }
}
