using System.Text.Json.Nodes;

namespace Marketplace.IntegrationTests.Fuzz;

/// <summary>One operation of a service's OpenAPI document, with what the fuzzer needs to build requests for it.</summary>
public sealed record ApiOperation(string Method, string Path, IReadOnlyList<ApiParameter> Parameters, JsonNode? BodySchema, JsonObject Document)
{
    public override string ToString() => $"{Method} {Path}";
}

public sealed record ApiParameter(string Name, string In, JsonNode? Schema);

/// <summary>Reads the operations of an OpenAPI 3.x document and resolves the schemas they refer to.</summary>
public static class OpenApiOperations
{
    private static readonly string[] s_methods = ["get", "post", "put", "delete", "patch"];

    public static IEnumerable<ApiOperation> Of(JsonObject document)
    {
        foreach (var (path, item) in document["paths"]?.AsObject() ?? [])
        {
            foreach (var method in s_methods)
            {
                if (item?[method] is not JsonObject operation)
                {
                    continue;
                }
                var parameters = (operation["parameters"]?.AsArray() ?? [])
                    .Select(p => Resolve(document, p))
                    .OfType<JsonObject>()
                    .Select(p => new ApiParameter(p["name"]!.GetValue<string>(), p["in"]!.GetValue<string>(), p["schema"]))
                    .ToList();
                var body = operation["requestBody"]?["content"]?["application/json"]?["schema"];
                yield return new ApiOperation(method.ToUpperInvariant(), path, parameters, body, document);
            }
        }
    }

    /// <summary>The schema behind a <c>$ref</c>, and the non-null alternative of a nullable union.</summary>
    public static JsonObject? Resolve(JsonObject document, JsonNode? schema)
    {
        for (var depth = 0; schema is JsonObject node && depth < 10; depth++)
        {
            if (node["$ref"]?.GetValue<string>() is { } reference)
            {
                schema = reference.TrimStart('#', '/').Split('/').Aggregate((JsonNode?)document, (n, part) => n?[part]);
                continue;
            }
            if ((node["oneOf"] ?? node["anyOf"]) is JsonArray alternatives)
            {
                schema = alternatives.FirstOrDefault(a => TypeOf(document, a) != "null") ?? alternatives.FirstOrDefault();
                continue;
            }
            return node;
        }
        return null;
    }

    /// <summary>string, integer, number, boolean, array, object (or null when unknown); 3.1 type lists give their non-null type.</summary>
    public static string? TypeOf(JsonObject document, JsonNode? schema)
    {
        var node = schema is JsonObject o && o["$ref"] is null && o["oneOf"] is null && o["anyOf"] is null ? o : Resolve(document, schema);
        return node?["type"] switch
        {
            JsonValue value => value.GetValue<string>(),
            JsonArray types => types.Select(t => t?.GetValue<string>()).FirstOrDefault(t => t != "null") ?? "null",
            _ => node?["properties"] is not null ? "object" : null,
        };
    }

    public static string? FormatOf(JsonObject document, JsonNode? schema) => Resolve(document, schema)?["format"]?.GetValue<string>();

    public static IEnumerable<string>? EnumOf(JsonObject document, JsonNode? schema) =>
        Resolve(document, schema)?["enum"]?.AsArray().Select(v => v?.ToString()).OfType<string>();

    public static IEnumerable<(string Name, JsonNode? Schema)> PropertiesOf(JsonObject document, JsonNode? schema) =>
        (Resolve(document, schema)?["properties"]?.AsObject() ?? []).Select(p => (p.Key, p.Value));

    public static IEnumerable<string> RequiredOf(JsonObject document, JsonNode? schema) =>
        Resolve(document, schema)?["required"]?.AsArray().Select(v => v!.GetValue<string>()) ?? [];
}
