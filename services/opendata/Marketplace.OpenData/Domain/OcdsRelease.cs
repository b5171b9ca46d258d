namespace Marketplace.OpenData.Domain;

/// <summary>
/// One OCDS release as published: stored once and never changed (a correction is a new release). The
/// <see cref="Sequence"/> is the change feed's cursor; (ocid, release id) is unique, so an event applied twice
/// cannot publish twice even outside the inbox.
/// </summary>
public sealed class OcdsRelease
{
    private OcdsRelease()
    {
    }

    public OcdsRelease(string ocid, string releaseId, Guid scenarioId, DateTimeOffset date, string tags, string json, DateTimeOffset storedAt)
    {
        (Ocid, ReleaseId, ScenarioId, Date, Tags, Json, StoredAt) = (ocid, releaseId, scenarioId, date, tags, json, storedAt);
    }

    /// <summary>Assigned by the database in the order releases are stored.</summary>
    public long Sequence { get; private set; }

    public string Ocid { get; private set; } = "";

    public string ReleaseId { get; private set; } = "";

    public Guid ScenarioId { get; private set; }

    /// <summary>When the change happened (the release's <c>date</c>); records merge their releases in this order.</summary>
    public DateTimeOffset Date { get; private set; }

    /// <summary>The release's tags, comma-separated (for the CSV and for filtering without parsing the JSON).</summary>
    public string Tags { get; private set; } = "";

    /// <summary>The release itself, serialised once when it is stored.</summary>
    public string Json { get; private set; } = "";

    /// <summary>When this service stored it: the change feed's <c>since</c> by time.</summary>
    public DateTimeOffset StoredAt { get; private set; }
}
