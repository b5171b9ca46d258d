using System.Text.Json.Nodes;

namespace Marketplace.OpenData.Ocds;

/// <summary>
/// OCDS's merge routine: releases applied in date order, objects merged field by field, arrays of objects with an
/// <c>id</c> merged item by item (identifier merge), any other array replaced, the latest value winning. Written here
/// because the reference implementations (ocdsmerge, ocdskit) are Python and no .NET package offers it
/// (docs/decisions/0021).
/// </summary>
public static class RecordCompiler
{
    private static readonly HashSet<string> s_releaseOnly = ["id", "date", "tag"];

    /// <param name="releases">Every release of one ocid, in any order.</param>
    public static JsonObject Compile(IEnumerable<JsonObject> releases)
    {
        var compiled = new JsonObject();
        string? ocid = null;
        JsonNode? lastDate = null;
        foreach (var release in releases.OrderBy(r => r["date"]!.GetValue<DateTimeOffset>()).ThenBy(r => r["id"]!.GetValue<string>(), StringComparer.Ordinal))
        {
            ocid ??= release["ocid"]!.GetValue<string>();
            lastDate = release["date"];
            foreach (var (name, value) in release)
            {
                if (!s_releaseOnly.Contains(name))
                {
                    MergeInto(compiled, name, value);
                }
            }
        }
        compiled["id"] = ocid + "-compiled";
        compiled["date"] = lastDate?.DeepClone();
        compiled["tag"] = new JsonArray("compiled");
        return compiled;
    }

    private static JsonNode? Merge(JsonNode? target, JsonNode? source)
    {
        switch (source)
        {
            case JsonObject sourceObject:
                var result = target as JsonObject ?? new JsonObject();
                foreach (var (name, value) in sourceObject)
                {
                    MergeInto(result, name, value);
                }
                return result;
            case JsonArray sourceArray when IsIdentified(sourceArray):
                var merged = target is JsonArray targetArray && IsIdentified(targetArray) ? targetArray : new JsonArray();
                foreach (var item in sourceArray.OfType<JsonObject>())
                {
                    var id = item["id"]!.ToString();
                    var index = IndexOf(merged, id);
                    if (index < 0)
                    {
                        merged.Add(Merge(null, item));
                    }
                    else
                    {
                        var existing = merged[index];
                        merged[index] = null;
                        merged[index] = Merge(existing, item);
                    }
                }
                return merged;
            default:
                return source?.DeepClone();
        }
    }

    // A JsonNode has one parent: take the current value out before putting the merged node back.
    private static void MergeInto(JsonObject parent, string name, JsonNode? value)
    {
        var existing = parent[name];
        if (existing is not null)
        {
            parent.Remove(name);
        }
        parent[name] = Merge(existing, value);
    }

    private static bool IsIdentified(JsonArray array) =>
        array.Count > 0 && array.All(i => i is JsonObject o && o["id"] is JsonValue);

    private static int IndexOf(JsonArray array, string id)
    {
        for (var i = 0; i < array.Count; i++)
        {
            if (array[i] is JsonObject o && o["id"]?.ToString() == id)
            {
                return i;
            }
        }
        return -1;
    }
}
