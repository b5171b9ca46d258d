using System.Text.Json;
using System.Text.Json.Nodes;
using Marketplace.OpenData.Data;
using Marketplace.OpenData.Domain;
using Microsoft.EntityFrameworkCore;

namespace Marketplace.OpenData.Ocds;

/// <summary>Appends releases: gives a draft its ocid and id, and stores it once.</summary>
public static class ReleaseLog
{
    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public static string Ocid(this OpenDataOptions options, Guid scenarioId) => options.OcidPrefix + scenarioId;

    public static async Task AppendAsync(OpenDataDbContext db, OpenDataOptions options, Guid scenarioId, ReleaseDraft draft, DateTimeOffset now, CancellationToken ct)
    {
        var ocid = options.Ocid(scenarioId);
        var id = ocid + "-" + draft.Key;
        if (await db.Releases.AnyAsync(r => r.Ocid == ocid && r.ReleaseId == id, ct) || db.Releases.Local.Any(r => r.Ocid == ocid && r.ReleaseId == id))
        {
            return;
        }
        db.Releases.Add(Build(options, scenarioId, draft, now));
    }

    /// <summary>The release as it is stored: the draft's sections in OCDS's envelope, serialised once (also used to seed the benchmark in bulk).</summary>
    public static OcdsRelease Build(OpenDataOptions options, Guid scenarioId, ReleaseDraft draft, DateTimeOffset now)
    {
        var ocid = options.Ocid(scenarioId);
        var id = ocid + "-" + draft.Key;
        var release = new JsonObject
        {
            ["ocid"] = ocid,
            ["id"] = id,
            ["date"] = draft.Date.ToUniversalTime(),
            ["tag"] = new JsonArray([.. draft.Tags.Select(t => (JsonNode)t)]),
            ["initiationType"] = "tender",
            ["language"] = "en",
        };
        foreach (var (name, value) in WithoutNulls(draft.Body))
        {
            release[name] = value?.DeepClone();
        }
        return new OcdsRelease(ocid, id, scenarioId, draft.Date, string.Join(',', draft.Tags), release.ToJsonString(Json), now);
    }

    /// <summary>OCDS fields are absent rather than null (a null in a release would erase the field when records merge).</summary>
    private static JsonObject WithoutNulls(JsonObject node)
    {
        foreach (var name in node.Where(p => p.Value is null).Select(p => p.Key).ToList())
        {
            node.Remove(name);
        }
        foreach (var child in node.Select(p => p.Value))
        {
            switch (child)
            {
                case JsonObject o:
                    WithoutNulls(o);
                    break;
                case JsonArray a:
                    foreach (var item in a.OfType<JsonObject>())
                    {
                        WithoutNulls(item);
                    }
                    break;
            }
        }
        return node;
    }
}
