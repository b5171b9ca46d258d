using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Marketplace.Gateway;

/// <summary>The gateway is ready when every service behind it reports ready (asked when readiness is asked).</summary>
public sealed class ServiceHealthCheck(IHttpClientFactory clients, string baseUrl) : IHealthCheck
{
    public const string ClientName = "readiness";

    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        try
        {
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            timeout.CancelAfter(TimeSpan.FromSeconds(5));
            using var response = await clients.CreateClient(ClientName).GetAsync(baseUrl.TrimEnd('/') + "/health/ready", timeout.Token);
            return response.IsSuccessStatusCode
                ? HealthCheckResult.Healthy()
                : new HealthCheckResult(context.Registration.FailureStatus, $"answered {(int)response.StatusCode}");
        }
        catch (Exception ex) when (ex is HttpRequestException or OperationCanceledException)
        {
            return new HealthCheckResult(context.Registration.FailureStatus, "unreachable");
        }
    }
}
