using System.Diagnostics;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using OpenTelemetry;
using OpenTelemetry.Exporter;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;

namespace Marketplace.ServiceDefaults.Observability;

/// <summary>
/// OpenTelemetry through its hosting package: traces from ASP.NET Core, HttpClient, EF Core, Npgsql,
/// MassTransit and the outbox; metrics from the same plus the runtime; logs. Everything is exported
/// over OTLP when an endpoint is configured (<c>Telemetry:OtlpEndpoint</c> or the standard
/// <c>OTEL_EXPORTER_OTLP_ENDPOINT</c>), and nothing is exported otherwise. The standard variables an orchestrator sets
/// (the Aspire AppHost: endpoint, protocol, headers, service name and instance, export interval) are honoured.
/// </summary>
internal static class TelemetrySetup
{
    public const string ActivitySourceName = "Marketplace";

    /// <summary>The spans the marketplace writes itself (the outbox publish).</summary>
    public static readonly ActivitySource Source = new(ActivitySourceName);

    private const string MassTransit = "MassTransit";
    private const string Npgsql = "Npgsql";

    public static void AddMarketplaceTelemetry(this IServiceCollection services, IConfiguration configuration, string serviceName)
    {
        var telemetry = services.AddOpenTelemetry()
            // OTEL_SERVICE_NAME and OTEL_RESOURCE_ATTRIBUTES, when set, win over the name given here: the Aspire
            // dashboard ties telemetry to its resource by the service instance id it puts there.
            .ConfigureResource(resource => resource.AddService(serviceName).AddEnvironmentVariableDetector())
            // Tracing is on even without an exporter: the trace id is the correlation id in logs,
            // audit entries and problem details, and the bus only carries the trace context on to
            // consumers when its spans have a listener.
            .WithTracing(tracing => tracing
                .AddSource(ActivitySourceName, MassTransit, Npgsql)
                .AddAspNetCoreInstrumentation()
                .AddHttpClientInstrumentation()
                .AddEntityFrameworkCoreInstrumentation());

        var endpoint = configuration["Telemetry:OtlpEndpoint"] ?? configuration["OTEL_EXPORTER_OTLP_ENDPOINT"];
        if (string.IsNullOrWhiteSpace(endpoint))
        {
            return;
        }

        telemetry
            .WithMetrics(metrics => metrics
                .AddMeter(ActivitySourceName, MassTransit, Npgsql)
                .AddAspNetCoreInstrumentation()
                .AddHttpClientInstrumentation()
                .AddRuntimeInstrumentation())
            .WithLogging(_ => { }, options =>
            {
                options.IncludeScopes = true;
                options.IncludeFormattedMessage = true;
            })
            // One exporter for the three signals; over HTTP it appends v1/traces, v1/metrics and v1/logs.
            // OTEL_EXPORTER_OTLP_HEADERS (e.g. the dashboard's API key) is read by the exporter itself.
            .UseOtlpExporter(
                string.Equals(configuration["Telemetry:OtlpProtocol"] ?? configuration["OTEL_EXPORTER_OTLP_PROTOCOL"], "grpc", StringComparison.OrdinalIgnoreCase)
                    ? OtlpExportProtocol.Grpc
                    : OtlpExportProtocol.HttpProtobuf,
                new Uri(endpoint.TrimEnd('/') + "/"));
        services.Configure<MetricReaderOptions>(options => options.PeriodicExportingMetricReaderOptions.ExportIntervalMilliseconds =
            configuration.GetValue("Telemetry:MetricExportIntervalMs", configuration.GetValue("OTEL_METRIC_EXPORT_INTERVAL", 15000)));
    }
}
