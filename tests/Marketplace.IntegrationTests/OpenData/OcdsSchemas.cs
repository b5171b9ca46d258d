using System.Text.Json.Nodes;
using NJsonSchema;

namespace Marketplace.IntegrationTests.OpenData;

/// <summary>
/// The official OCDS 1.1.5 schemas with the bids and enquiries extensions applied (JSON Merge Patch, as OCDS's own
/// tooling applies them), offline: the packages' reference to the release schema by URL points at the patched copy.
/// </summary>
public static class OcdsSchemas
{
    private const string ReleaseSchemaUrl = "https://standard.open-contracting.org/schema/1__1__5/release-schema.json";
    private const string VersionedReleaseSchemaUrl = "https://standard.open-contracting.org/schema/1__1__5/versioned-release-validation-schema.json";
    private static readonly string s_folder = Path.Combine(AppContext.BaseDirectory, "OpenData", "Schemas");
    private static readonly Lazy<Task<JsonSchema>> s_release = new(() => JsonSchema.FromJsonAsync(PatchedRelease().ToJsonString()));
    private static readonly Lazy<Task<JsonSchema>> s_releasePackage = new(() => JsonSchema.FromJsonAsync(Package("release-package-schema.json").ToJsonString()));
    private static readonly Lazy<Task<JsonSchema>> s_recordPackage = new(() => JsonSchema.FromJsonAsync(Package("record-package-schema.json").ToJsonString()));

    public static Task<JsonSchema> Release => s_release.Value;

    public static Task<JsonSchema> ReleasePackage => s_releasePackage.Value;

    public static Task<JsonSchema> RecordPackage => s_recordPackage.Value;

    /// <summary>Fails with every error the validator finds.</summary>
    public static async Task AssertValidAsync(Task<JsonSchema> schema, string json, string what)
    {
        var errors = (await schema).Validate(json);
        Assert.True(errors.Count == 0, $"{what} does not validate against OCDS 1.1.5: {string.Join("; ", errors.Select(e => $"{e.Path}: {e.Kind}"))}\n{json}");
    }

    private static JsonObject Load(params string[] path) => JsonNode.Parse(File.ReadAllText(Path.Combine([s_folder, .. path])))!.AsObject();

    private static JsonObject PatchedRelease()
    {
        var release = Load("release-schema.json");
        foreach (var extension in new[] { "ocds_bid_extension", "ocds_enquiry_extension" })
        {
            MergePatch(release, Load(extension, "release-schema.json"));
        }
        return release;
    }

    /// <summary>A package schema with the patched release schema as its definition <c>Release</c>.</summary>
    private static JsonObject Package(string file)
    {
        var package = Load(file);
        var release = PatchedRelease();
        var definitions = package["definitions"] as JsonObject ?? [];
        package.Remove("definitions");
        foreach (var (name, definition) in release["definitions"]!.AsObject().ToList())
        {
            release["definitions"]!.AsObject().Remove(name);
            definitions[name] = definition;
        }
        release.Remove("definitions");
        release.Remove("id");
        release.Remove("$schema");
        definitions[nameof(Release)] = release;
        package["definitions"] = definitions;
        PointAtRelease(package);
        return package;
    }

    private static void PointAtRelease(JsonNode? node)
    {
        switch (node)
        {
            case JsonObject o:
                if (o["$ref"] is JsonValue r && r.GetValue<string>() == ReleaseSchemaUrl)
                {
                    o["$ref"] = "#/definitions/Release";
                }
                else if (o["$ref"] is JsonValue v && v.GetValue<string>() == VersionedReleaseSchemaUrl)
                {
                    // Records here carry no versioned release; the property's schema is not needed offline.
                    o.Remove("$ref");
                }
                foreach (var (_, child) in o.ToList())
                {
                    PointAtRelease(child);
                }
                break;
            case JsonArray a:
                foreach (var child in a)
                {
                    PointAtRelease(child);
                }
                break;
        }
    }

    // RFC 7386: objects merge recursively, null removes, anything else replaces.
    private static void MergePatch(JsonObject target, JsonObject patch)
    {
        foreach (var (name, value) in patch.ToList())
        {
            if (value is null)
            {
                target.Remove(name);
            }
            else if (value is JsonObject patchObject && target[name] is JsonObject targetObject)
            {
                MergePatch(targetObject, patchObject);
            }
            else
            {
                target[name] = value.DeepClone();
            }
        }
    }
}
