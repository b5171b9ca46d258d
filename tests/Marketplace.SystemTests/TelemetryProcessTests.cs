using Marketplace.Testing;

namespace Marketplace.SystemTests;

/// <summary>With an OTLP endpoint configured, traces, metrics and logs leave the process over OTLP/HTTP.</summary>
public sealed class TelemetryProcessTests
{
    [Fact]
    public async Task Traces_metrics_and_logs_are_exported_over_OTLP_when_an_endpoint_is_configured()
    {
        await using var collector = new OtlpReceiver();
        var dataFolder = Path.Combine(Path.GetTempPath(), "marketplace-otlp-" + Guid.NewGuid().ToString("N"));
        try
        {
            await using var host = await HostProcess.StartAsync(HostProcess.Dll("standalone/Marketplace.Standalone", "Marketplace.Standalone"),
                new Dictionary<string, string>
                {
                    ["Database__DataFolder"] = dataFolder,
                    ["Standalone__SeedDemoData"] = "false",
                    ["Telemetry__OtlpEndpoint"] = collector.Endpoint,
                    ["Telemetry__MetricExportIntervalMs"] = "1000",
                });
            var client = host.Client();
            var response = await client.GetAsync("/api/catalogue/scenarios");
            var traceId = response.Headers.GetValues("X-Correlation-ID").Single();

            // Traces are batched for up to five seconds, so keep the process busy until they arrive.
            var seen = await Eventually.Until(async () =>
            {
                await client.GetAsync("/health/ready");
                return collector.Requests;
            }, r => r.Any(x => x.StartsWith("POST /v1/traces", StringComparison.Ordinal))
                 && r.Any(x => x.StartsWith("POST /v1/metrics", StringComparison.Ordinal))
                 && r.Any(x => x.StartsWith("POST /v1/logs", StringComparison.Ordinal)),
                TimeSpan.FromSeconds(45), "OTLP exports of traces, metrics and logs");
            Assert.All(seen, r => Assert.EndsWith("application/x-protobuf", r));

            // The response names the trace its request was recorded in.
            var request = await Eventually.Until(() => Task.FromResult(collector.Spans.Where(s => s.TraceId == traceId).ToList()),
                spans => spans.Any(s => s.Kind == OtlpSpanKind.Server), TimeSpan.FromSeconds(30), "the request's server span");
            Assert.All(request, s => Assert.Equal("standalone", s.Service));
        }
        finally
        {
            if (Directory.Exists(dataFolder))
            {
                Directory.Delete(dataFolder, recursive: true);
            }
        }
    }
}
