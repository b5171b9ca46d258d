using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;

namespace Marketplace.IntegrationTests.Fuzz;

/// <summary>One bad request: a label saying what is wrong with it, and its parts.</summary>
public sealed record FuzzCase(string Label, string? Query = null, string? PathValue = null, HttpContent? Content = null, bool MustBeRejected = false);

/// <summary>
/// Builds the bad requests for an operation from its schema, with a seeded random source so every run
/// sends the same requests: random JSON, wrong types, missing fields, huge strings, Unicode edge
/// cases, extreme money and dates, invalid ids and paging, non-JSON bodies and wrong content types.
/// </summary>
public sealed class FuzzCases(Random random)
{
    private const string Nul = "\u0000";
    private static readonly string s_huge = new('x', 100_000);

    /// <summary>Text a field must refuse (control characters, unpaired surrogates): sent as JSON escapes.</summary>
    private static readonly string[] s_forbidden = ["a\u0000b", "\u0007bell", LoneHigh, "lone" + LoneLow + "low", "esc\u001b[31m", "\u0085next"];

    // A JSON writer cannot write an unpaired surrogate; these stand for the \ud800 and \udc00 escapes in the sent text.
    private const string LoneHigh = "LONEHIGHSURROGATE";
    private const string LoneLow = "LONELOWSURROGATE";

    /// <summary>Text that is valid but unusual: right-to-left marks, emoji, 4-byte CJK, combining marks.</summary>
    private static readonly string[] s_unusual = ["\u202Eevil\u202C", "🚀🤖 emoji", "𠀀𠀁𪚥 CJK", "e\u0301\u0301\u0301", "\uFEFFbom", "' OR 1=1 --", "<script>alert(1)</script>"];

    private static readonly JsonNode?[] s_money = [-1, -0.01m, 0, 1e15, 79228162514264337593543950335m, JsonNode.Parse("1e400"), JsonNode.Parse("-1e400"), "1,000", "NaN"];

    private static readonly JsonNode?[] s_dates = ["2026-13-45T25:61:00Z", "0001-01-01T00:00:00Z", "9999-12-31T23:59:59.9999999Z", "not a date", "", 1e20, "2026-02-30"];

    private static readonly JsonNode?[] s_guids = ["not-a-guid", "00000000-0000-0000-0000-000000000000", "{00000000-0000-0000-0000-00000000000}", 12345, ""];

    private static readonly string[] s_paging = ["abc", "-1", "0", "2147483648", "99999999999999999999", "1e400", "1.5", "%00", ""];

    public IEnumerable<FuzzCase> ForBody(JsonObject document, JsonNode schema)
    {
        var properties = OpenApiOperations.PropertiesOf(document, schema).ToList();
        yield return Json("random JSON value", RandomJson(3));
        yield return Json("random JSON object", RandomObject(2));
        yield return Json("empty object", new JsonObject());
        yield return Json("array instead of object", new JsonArray(Sample(document, schema, 0)));
        yield return Json("null body", null);
        foreach (var (name, property) in Pick(properties, 8))
        {
            yield return Json($"wrong type for '{name}'", With(document, schema, name, WrongType(document, property)));
        }
        foreach (var (name, _) in Pick(properties, 3))
        {
            var body = Sample(document, schema, 0)!.AsObject();
            body.Remove(name);
            yield return Json($"without '{name}'", body);
        }
        var strings = properties.Where(p => OpenApiOperations.TypeOf(document, p.Schema) == "string" && OpenApiOperations.FormatOf(document, p.Schema) is null).ToList();
        foreach (var (name, _) in Pick(strings, 2))
        {
            yield return Json($"100k characters in '{name}'", With(document, schema, name, s_huge));
        }
        foreach (var (name, _) in Pick(strings, 5))
        {
            yield return Json($"forbidden characters in '{name}'", With(document, schema, name, s_forbidden[random.Next(s_forbidden.Length)]), mustBeRejected: true);
            yield return Json($"unusual text in '{name}'", With(document, schema, name, s_unusual[random.Next(s_unusual.Length)]));
        }
        foreach (var (name, property) in Pick(properties.Where(p => OpenApiOperations.TypeOf(document, p.Schema) is "number" or "integer").ToList(), 3))
        {
            yield return Json($"extreme number in '{name}'", With(document, schema, name, s_money[random.Next(s_money.Length)]?.DeepClone()));
        }
        foreach (var (name, _) in Pick(properties.Where(p => OpenApiOperations.FormatOf(document, p.Schema) == "date-time").ToList(), 2))
        {
            yield return Json($"bad date in '{name}'", With(document, schema, name, s_dates[random.Next(s_dates.Length)]?.DeepClone()));
        }
        foreach (var (name, _) in Pick(properties.Where(p => OpenApiOperations.FormatOf(document, p.Schema) == "uuid").ToList(), 2))
        {
            yield return Json($"bad id in '{name}'", With(document, schema, name, s_guids[random.Next(s_guids.Length)]?.DeepClone()));
        }
        foreach (var (name, property) in Pick(properties.Where(p => OpenApiOperations.TypeOf(document, p.Schema) == "array").ToList(), 2))
        {
            var element = Sample(document, OpenApiOperations.Resolve(document, property)?["items"], 1);
            yield return Json($"10,000 elements in '{name}'", With(document, schema, name, new JsonArray(Enumerable.Range(0, 10_000).Select(_ => element?.DeepClone()).ToArray())));
            var nested = With(document, schema, name, new JsonArray(Nested(element)));
            yield return Json($"forbidden characters inside '{name}'", nested, mustBeRejected: nested.ToJsonString().Contains("\\u0000", StringComparison.Ordinal));
        }
        foreach (var content in NonJson(Sample(document, schema, 0)?.ToJsonString() ?? "{}"))
        {
            yield return content;
        }
    }

    /// <summary>The same operation with each query parameter bad in turn.</summary>
    public IEnumerable<FuzzCase> ForQuery(JsonObject document, IReadOnlyList<ApiParameter> parameters)
    {
        foreach (var parameter in parameters.Where(p => p.In == "query"))
        {
            var type = OpenApiOperations.TypeOf(document, parameter.Schema);
            var format = OpenApiOperations.FormatOf(document, parameter.Schema);
            IEnumerable<string> values = (type, format) switch
            {
                (_, "uuid") => ["not-a-guid", "00000000-0000-0000-0000-000000000000", "%00"],
                (_, "date-time") => ["2026-13-45", "0001-01-01T00:00:00Z", "9999-12-31T23:59:59Z", "yesterday"],
                ("integer", _) => Pick(s_paging.ToList(), 4),
                ("number", _) => ["1e400", "-1", "NaN", "79228162514264337593543950336", "abc"],
                ("boolean", _) => ["yes", "2", "%00"],
                _ => ["0", "%00", "%ED%A0%80", Uri.EscapeDataString(s_huge[..5000]), Uri.EscapeDataString(s_unusual[random.Next(s_unusual.Length)])],
            };
            foreach (var value in values)
            {
                yield return new FuzzCase($"query {parameter.Name}={Shorten(value)}", Query: $"{parameter.Name}={value}");
            }
        }
        yield return new FuzzCase("repeated and unknown query parameters", Query: "page=1&page=2&unknown=%00&pageSize=1000000");
    }

    public static IEnumerable<FuzzCase> ForPath() =>
    [
        new("path id not a GUID", PathValue: "not-a-guid"),
        new("path id the zero GUID", PathValue: Guid.Empty.ToString()),
        // A NUL in the path is refused by the server before any application code (Kestrel answers 400).
        new("path id with an encoded slash", PathValue: "..%2F..%2Fhealth"),
    ];

    /// <summary>What a careless or hostile client sends a form endpoint (the token server's).</summary>
    public static IEnumerable<FuzzCase> ForForm()
    {
        var boundary = "fuzzboundary";
        yield return new FuzzCase("truncated multipart body", Content: Raw($"--{boundary}\r\nContent-Disposition: form-data; name=\"grant_type\"\r\n\r\npass", $"multipart/form-data; boundary={boundary}"));
        yield return new FuzzCase("multipart without a boundary", Content: Raw("--x\r\nContent-Disposition: form-data; name=\"a\"\r\n\r\nb\r\n--x--\r\n", "multipart/form-data"));
        yield return new FuzzCase("NUL in a form value", Content: Raw("grant_type=password&username=a%00b&password=x%00", "application/x-www-form-urlencoded"), MustBeRejected: true);
        yield return new FuzzCase("NUL in a form key", Content: Raw("grant_type=password&user%00name=a&token=a", "application/x-www-form-urlencoded"), MustBeRejected: true);
        yield return new FuzzCase("more than 1,024 form keys", Content: Raw(string.Join('&', Enumerable.Range(0, 1100).Select(i => $"k{i}=v")), "application/x-www-form-urlencoded"), MustBeRejected: true);
        yield return new FuzzCase("a 5 MB form value", Content: Raw("grant_type=password&token=" + new string('a', 5 << 20), "application/x-www-form-urlencoded"), MustBeRejected: true);
        yield return new FuzzCase("JSON instead of a form", Content: Raw("{\"grant_type\":\"password\"}", "application/json"), MustBeRejected: true);
        yield return new FuzzCase("no content type", Content: RawWithoutType("grant_type=password"), MustBeRejected: true);
        // Undecodable bytes become U+FFFD; revocation answers 200 for any token it does not know (RFC 7009 §2.2).
        yield return new FuzzCase("lone surrogate in a form value", Content: Raw("grant_type=refresh_token&refresh_token=%ED%A0%80&token=%ED%A0%80", "application/x-www-form-urlencoded"));
        yield return new FuzzCase("unknown grant with huge parameters", Content: Raw("grant_type=" + new string('g', 100_000) + "&token=" + new string('t', 100_000), "application/x-www-form-urlencoded"));
    }

    private static IEnumerable<FuzzCase> NonJson(string json)
    {
        yield return new FuzzCase("truncated JSON", Content: Raw(json[..(json.Length / 2)], "application/json"), MustBeRejected: true);
        yield return new FuzzCase("XML body", Content: Raw("<request><a>1</a></request>", "application/json"), MustBeRejected: true);
        yield return new FuzzCase("bytes that are not UTF-8", Content: new ByteArrayContent([0x7B, 0x22, 0x61, 0x22, 0x3A, 0x22, 0xC3, 0x28, 0xFF, 0x22, 0x7D]) { Headers = { ContentType = new("application/json") } }, MustBeRejected: true);
        yield return new FuzzCase("JSON sent as text/plain", Content: Raw(json, "text/plain"), MustBeRejected: true);
        yield return new FuzzCase("JSON without a content type", Content: RawWithoutType(json), MustBeRejected: true);
        yield return new FuzzCase("JSON sent as a form", Content: Raw("a=1&b=%00", "application/x-www-form-urlencoded"), MustBeRejected: true);
        yield return new FuzzCase("empty JSON body", Content: Raw("", "application/json"), MustBeRejected: true);
        yield return new FuzzCase("deeply nested JSON", Content: Raw(new string('[', 5000) + new string(']', 5000), "application/json"), MustBeRejected: true);
    }

    /// <summary>A plausible value for a schema: the base each case changes one thing in.</summary>
    public JsonNode? Sample(JsonObject document, JsonNode? schema, int depth)
    {
        var resolved = OpenApiOperations.Resolve(document, schema);
        if (OpenApiOperations.EnumOf(document, schema)?.FirstOrDefault() is { } first)
        {
            return first;
        }
        return (OpenApiOperations.TypeOf(document, schema), OpenApiOperations.FormatOf(document, schema)) switch
        {
            (_, "uuid") => new Guid(random.Next(), (short)random.Next(), (short)random.Next(), 0, 0, 0, 0, 0, 0, 0, 1).ToString(),
            (_, "date-time") => DateTimeOffset.UtcNow.AddDays(40).ToString("O", CultureInfo.InvariantCulture),
            ("string", _) => "Fuzz text 測試",
            ("integer", _) => 2,
            ("number", _) => 1000,
            ("boolean", _) => true,
            ("array", _) when depth < 3 => new JsonArray(Sample(document, resolved?["items"], depth + 1)),
            ("object", _) when depth < 3 => new JsonObject(OpenApiOperations.PropertiesOf(document, schema)
                .Select(p => KeyValuePair.Create(p.Name, Sample(document, p.Schema, depth + 1)))),
            _ => null,
        };
    }

    private JsonObject With(JsonObject document, JsonNode schema, string name, JsonNode? value)
    {
        var body = Sample(document, schema, 0) as JsonObject ?? new JsonObject();
        body[name] = value;
        return body;
    }

    private JsonNode? WrongType(JsonObject document, JsonNode? schema) => OpenApiOperations.TypeOf(document, schema) switch
    {
        "string" => random.Next(2) == 0 ? 12345 : new JsonObject { ["nested"] = "x" },
        "integer" or "number" => random.Next(2) == 0 ? "not a number" : true,
        "boolean" => random.Next(2) == 0 ? "yes" : 1,
        "array" => random.Next(2) == 0 ? "not a list" : new JsonObject(),
        _ => random.Next(2) == 0 ? "a string" : new JsonArray(1, 2),
    };

    private static JsonNode? Nested(JsonNode? element) => element switch
    {
        JsonObject o => new JsonObject(o.Select(p => KeyValuePair.Create(p.Key, p.Value is JsonValue v && v.TryGetValue<string>(out _) ? (JsonNode?)("x" + Nul) : p.Value?.DeepClone()))),
        _ => "x" + Nul,
    };

    private JsonNode? RandomJson(int depth) => random.Next(depth > 0 ? 7 : 5) switch
    {
        0 => random.Next(-1000, 1000),
        1 => random.NextDouble() * 1e300,
        2 => new string((char)random.Next(32, 0x2FFF), random.Next(0, 50)),
        3 => random.Next(2) == 0,
        4 => null,
        5 => new JsonArray(Enumerable.Range(0, random.Next(4)).Select(_ => RandomJson(depth - 1)).ToArray()),
        _ => RandomObject(depth - 1),
    };

    private JsonObject RandomObject(int depth) =>
        new(Enumerable.Range(0, random.Next(1, 6)).Select(i => KeyValuePair.Create($"f{i}{random.Next(1000)}", RandomJson(depth))));

    private List<T> Pick<T>(List<T> items, int count) => items.OrderBy(_ => random.Next()).Take(count).ToList();

    private static FuzzCase Json(string label, JsonNode? body, bool mustBeRejected = false) =>
        new(label, Content: Raw((body?.ToJsonString() ?? "null").Replace(LoneHigh, "\\ud800", StringComparison.Ordinal).Replace(LoneLow, "\\udc00", StringComparison.Ordinal), "application/json"),
            MustBeRejected: mustBeRejected);

    private static ByteArrayContent Raw(string body, string contentType)
    {
        var content = new ByteArrayContent(Encoding.UTF8.GetBytes(body));
        content.Headers.TryAddWithoutValidation("Content-Type", contentType);
        return content;
    }

    private static ByteArrayContent RawWithoutType(string body) => new(Encoding.UTF8.GetBytes(body));

    private static string Shorten(string value) => value.Length > 24 ? value[..24] + "…" : value;
}
