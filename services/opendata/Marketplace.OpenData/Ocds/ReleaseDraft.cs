using System.Text.Json.Nodes;

namespace Marketplace.OpenData.Ocds;

/// <summary>
/// A release before it has its ocid: <paramref name="Key"/> becomes the release id after the ocid (stable for one
/// change, so the same event always yields the same id), <paramref name="Body"/> holds the sections that changed.
/// </summary>
public sealed record ReleaseDraft(string Key, DateTimeOffset Date, IReadOnlyList<string> Tags, JsonObject Body);
