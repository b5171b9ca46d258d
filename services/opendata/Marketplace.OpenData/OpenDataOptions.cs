namespace Marketplace.OpenData;

/// <summary>Settings of the open-data service (section <c>OpenData</c>).</summary>
public sealed class OpenDataOptions
{
    public const string Section = "OpenData";

    /// <summary>
    /// The OCDS ocid prefix, register-style (<c>ocds-</c> plus six characters and a dash), assigned by the Open
    /// Contracting Partnership to a publisher; every ocid is this prefix plus the scenario's id.
    /// </summary>
    public string OcidPrefix { get; set; } = "ocds-hkaism-";

    /// <summary>The publisher named in every package.</summary>
    public string PublisherName { get; set; } = "Hong Kong AI Scenario Marketplace";

    /// <summary>The public address the packages' <c>uri</c> and paging links start with (the gateway's).</summary>
    public Uri PublicBaseUri { get; set; } = new("http://localhost:5080/");

    /// <summary>The licence the data is published under.</summary>
    public Uri License { get; set; } = new("https://creativecommons.org/licenses/by/4.0/");
}
