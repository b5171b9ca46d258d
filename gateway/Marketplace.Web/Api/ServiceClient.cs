using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Serialization;
using Marketplace.Web.Resources;
using Microsoft.Extensions.Localization;

namespace Marketplace.Web.Api;

/// <summary>What every typed client shares: JSON reading, problem details, an unreachable service as a problem.</summary>
public abstract class ServiceClient(HttpClient http, IStringLocalizer<Ui> text, ILogger logger)
{
    internal static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    };

    protected HttpClient Http => http;

    protected Task<ApiResult<T>> GetAsync<T>(string path, CancellationToken ct) => SendAsync<T>(new HttpRequestMessage(HttpMethod.Get, path), ct);

    protected Task<ApiResult<T>> SendAsync<T>(HttpMethod method, string path, object? body, CancellationToken ct) =>
        SendAsync<T>(new HttpRequestMessage(method, path) { Content = body is null ? null : JsonContent.Create(body, body.GetType(), options: Json) }, ct);

    private async Task<ApiResult<T>> SendAsync<T>(HttpRequestMessage request, CancellationToken ct)
    {
        using (request)
        {
            try
            {
                using var response = await http.SendAsync(request, ct);
                if (response.IsSuccessStatusCode)
                {
                    var value = response.Content.Headers.ContentLength == 0 ? default : await response.Content.ReadFromJsonAsync<T>(Json, ct);
                    return new ApiResult<T>(value, null);
                }
                return new ApiResult<T>(default, ApiProblem.From((int)response.StatusCode, await response.Content.ReadAsStringAsync(ct)));
            }
            catch (HttpRequestException e)
            {
                logger.LogWarning(e, "{Method} {Path} could not reach the service", request.Method, request.RequestUri);
                return new ApiResult<T>(default, ApiProblem.Unreachable(text["ServiceUnavailable"]));
            }
        }
    }

    protected static string Query(string path, params (string Name, object? Value)[] parameters)
    {
        var present = parameters.Where(p => p.Value is not null && !(p.Value is string s && s.Length == 0))
            .Select(p => $"{p.Name}={Uri.EscapeDataString(Convert.ToString(p.Value, System.Globalization.CultureInfo.InvariantCulture)!)}");
        var query = string.Join('&', present);
        return query.Length == 0 ? path : $"{path}?{query}";
    }
}
