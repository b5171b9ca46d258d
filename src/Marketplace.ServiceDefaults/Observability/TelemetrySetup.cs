using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using OpenTelemetry;
using OpenTelemetry.Exporter;
using OpenTelemetry.Logs;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;

namespace Marketplace.ServiceDefaults.Observability;

/// <summary>
/// OTLP export of traces, metrics and logs when an endpoint is configured
/// (<c>Telemetry:OtlpEndpoint</c> or the standard <c>OTEL_EXPORTER_OTLP_ENDPOINT</c>).
/// The framework's own ActivitySources and Meters are subscribed directly, because the
/// instrumentation packages are not available to this build.
/// </summary>
internal static class TelemetrySetup
{
    public const string ActivitySourceName = "Marketplace";

    private static readonly string[] s_sources =
        [ActivitySourceName, "Microsoft.AspNetCore", "System.Net.Http", "MassTransit", "Npgsql"];

    private static readonly string[] s_meters =
        [ActivitySourceName, "Microsoft.AspNetCore.Hosting", "Microsoft.AspNetCore.Server.Kestrel", "System.Net.Http", "MassTransit", "Npgsql"];

    public static void AddMarketplaceTelemetry(this IServiceCollection services, ILoggingBuilder logging, IConfiguration configuration, string serviceName)
    {
        var endpoint = configuration["Telemetry:OtlpEndpoint"] ?? configuration["OTEL_EXPORTER_OTLP_ENDPOINT"];
        if (string.IsNullOrWhiteSpace(endpoint))
        {
            return;
        }

        var protocol = string.Equals(configuration["Telemetry:OtlpProtocol"], "grpc", StringComparison.OrdinalIgnoreCase)
            ? OtlpExportProtocol.Grpc
            : OtlpExportProtocol.HttpProtobuf;
        var baseUri = new Uri(endpoint.TrimEnd('/') + "/");
        void Configure(OtlpExporterOptions o, string signal)
        {
            o.Protocol = protocol;
            o.Endpoint = protocol == OtlpExportProtocol.Grpc ? baseUri : new Uri(baseUri, signal);
        }

        var resource = ResourceBuilder.CreateDefault().AddService(serviceName);
        var tracing = Sdk.CreateTracerProviderBuilder()
            .SetResourceBuilder(resource)
            .AddSource(s_sources)
            .AddOtlpExporter(o => Configure(o, "v1/traces"))
            .Build();
        var metrics = Sdk.CreateMeterProviderBuilder()
            .SetResourceBuilder(resource)
            .AddMeter(s_meters)
            .AddOtlpExporter((o, reader) =>
            {
                Configure(o, "v1/metrics");
                reader.PeriodicExportingMetricReaderOptions.ExportIntervalMilliseconds =
                    configuration.GetValue("Telemetry:MetricExportIntervalMs", 15000);
            })
            .Build();
        // The container disposes these at shutdown, which flushes what is still buffered.
        services.AddSingleton(tracing);
        services.AddSingleton(metrics);

        logging.AddOpenTelemetry(o =>
        {
            o.SetResourceBuilder(resource);
            o.IncludeScopes = true;
            o.IncludeFormattedMessage = true;
            o.AddOtlpExporter(e => Configure(e, "v1/logs"));
        });
    }
}
