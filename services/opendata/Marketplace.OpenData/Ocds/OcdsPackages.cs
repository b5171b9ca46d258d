using System.Text.Json.Nodes;

namespace Marketplace.OpenData.Ocds;

/// <summary>The OCDS 1.1 envelopes: release packages and record packages, with the extensions the releases use.</summary>
public static class OcdsPackages
{
    public const string Version = "1.1";

    /// <summary>The bids extension (bid statistics at opening) and the enquiries extension (answered questions).</summary>
    public static readonly IReadOnlyList<string> Extensions =
    [
        "https://raw.githubusercontent.com/open-contracting-extensions/ocds_bid_extension/v1.1.5/extension.json",
        "https://raw.githubusercontent.com/open-contracting-extensions/ocds_enquiry_extension/v1.1.5/extension.json",
    ];

    public static JsonObject ReleasePackage(OpenDataOptions options, Uri uri, DateTimeOffset publishedDate, IEnumerable<JsonObject> releases, Uri? next) =>
        Envelope(options, uri, publishedDate, "releases", new JsonArray([.. releases]), next);

    public static JsonObject RecordPackage(OpenDataOptions options, Uri uri, DateTimeOffset publishedDate, IEnumerable<JsonObject> records, Uri? next) =>
        Envelope(options, uri, publishedDate, "records", new JsonArray([.. records]), next);

    /// <summary>A record: every release of the ocid (oldest first) and the compiled release.</summary>
    public static JsonObject Record(string ocid, IReadOnlyList<JsonObject> releases)
    {
        var compiled = RecordCompiler.Compile(releases);
        return new JsonObject
        {
            ["ocid"] = ocid,
            ["releases"] = new JsonArray([.. releases.Select(r => r.DeepClone())]),
            ["compiledRelease"] = compiled,
        };
    }

    private static JsonObject Envelope(OpenDataOptions options, Uri uri, DateTimeOffset publishedDate, string listName, JsonArray list, Uri? next)
    {
        var package = new JsonObject
        {
            ["uri"] = uri.ToString(),
            ["version"] = Version,
            ["extensions"] = new JsonArray([.. Extensions.Select(e => (JsonNode)e)]),
            ["publishedDate"] = publishedDate.ToUniversalTime(),
            ["publisher"] = new JsonObject { ["name"] = options.PublisherName },
            ["license"] = options.License.ToString(),
            [listName] = list,
        };
        if (next is not null)
        {
            // OCDS's pagination convention for API responses.
            package["links"] = new JsonObject { ["next"] = next.ToString() };
        }
        return package;
    }
}
