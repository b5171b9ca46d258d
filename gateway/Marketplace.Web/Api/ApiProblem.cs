using System.Text.Json;

namespace Marketplace.Web.Api;

/// <summary>
/// An API's RFC 9457 answer as the UI shows it: the message, and each field's messages keyed by the API's own
/// field name (<c>titleEn</c>, <c>kpis[0].target</c>), so a form can put each next to its input.
/// </summary>
public sealed record ApiProblem(int Status, string? Title, string? Detail, IReadOnlyDictionary<string, string[]> Errors)
{
    public static ApiProblem Unreachable(string detail) => new(503, null, detail, new Dictionary<string, string[]>());

    public static ApiProblem From(int status, string body)
    {
        var errors = new Dictionary<string, string[]>(StringComparer.OrdinalIgnoreCase);
        try
        {
            using var document = JsonDocument.Parse(body);
            var root = document.RootElement;
            if (root.TryGetProperty("errors", out var fields) && fields.ValueKind == JsonValueKind.Object)
            {
                foreach (var field in fields.EnumerateObject())
                {
                    errors[field.Name] = field.Value.ValueKind == JsonValueKind.Array
                        ? field.Value.EnumerateArray().Select(m => m.GetString() ?? "").ToArray()
                        : [field.Value.ToString()];
                }
            }
            return new ApiProblem(status, Text(root, "title"), Text(root, "detail"), errors);
        }
        catch (JsonException)
        {
            return new ApiProblem(status, null, null, errors);
        }
    }

    /// <summary>The messages for one field (and its sub-fields, e.g. <c>kpis</c> and <c>kpis[0].target</c> when asked for <c>kpis</c>).</summary>
    public IEnumerable<string> For(string field) =>
        Errors.Where(e => string.Equals(e.Key, field, StringComparison.OrdinalIgnoreCase)).SelectMany(e => e.Value);

    private static string? Text(JsonElement root, string name) =>
        root.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;
}

/// <summary>An API call's outcome: the value, or the problem the API (or the network) reported.</summary>
public sealed record ApiResult<T>(T? Value, ApiProblem? Problem)
{
    public bool Ok => Problem is null;
}
