using System.Net;
using Marketplace.Testing;

namespace Marketplace.SystemTests;

/// <summary>With an OTLP endpoint configured, traces, metrics and logs leave the process over OTLP/HTTP.</summary>
public sealed class TelemetryProcessTests
{
    [Fact]
    public async Task Traces_metrics_and_logs_are_exported_over_OTLP_when_an_endpoint_is_configured()
    {
        var port = LoopbackPorts.Free();
        using var collector = new HttpListener();
        collector.Prefixes.Add($"http://127.0.0.1:{port}/");
        collector.Start();
        var received = new HashSet<string>();
        var collecting = Task.Run(async () =>
        {
            while (collector.IsListening)
            {
                HttpListenerContext context;
                try
                {
                    context = await collector.GetContextAsync();
                }
                catch (Exception ex) when (ex is HttpListenerException or ObjectDisposedException)
                {
                    return;
                }
                lock (received)
                {
                    received.Add($"{context.Request.HttpMethod} {context.Request.Url!.AbsolutePath} {context.Request.ContentType}");
                }
                context.Response.StatusCode = 200;
                context.Response.Close();
            }
        });

        var dataFolder = Path.Combine(Path.GetTempPath(), "marketplace-otlp-" + Guid.NewGuid().ToString("N"));
        try
        {
            await using var host = await HostProcess.StartAsync(HostProcess.Dll("standalone/Marketplace.Standalone", "Marketplace.Standalone"),
                new Dictionary<string, string>
                {
                    ["Database__DataFolder"] = dataFolder,
                    ["Standalone__SeedDemoData"] = "false",
                    ["Telemetry__OtlpEndpoint"] = $"http://127.0.0.1:{port}",
                    ["Telemetry__MetricExportIntervalMs"] = "1000",
                });
            var client = host.Client();
            await client.GetAsync("/api/catalogue/scenarios");

            string[] Snapshot()
            {
                lock (received)
                {
                    return [.. received];
                }
            }
            // Traces are batched for up to five seconds, so keep the process busy until they arrive.
            var seen = await Eventually.Until(async () =>
            {
                await client.GetAsync("/health/ready");
                return Snapshot();
            }, r => r.Any(x => x.StartsWith("POST /v1/traces", StringComparison.Ordinal))
                 && r.Any(x => x.StartsWith("POST /v1/metrics", StringComparison.Ordinal))
                 && r.Any(x => x.StartsWith("POST /v1/logs", StringComparison.Ordinal)),
                TimeSpan.FromSeconds(45), "OTLP exports of traces, metrics and logs");
            Assert.All(seen, r => Assert.EndsWith("application/x-protobuf", r));
        }
        finally
        {
            collector.Stop();
            await collecting;
            if (Directory.Exists(dataFolder))
            {
                Directory.Delete(dataFolder, recursive: true);
            }
        }
    }
}
