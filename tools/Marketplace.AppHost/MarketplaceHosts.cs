namespace Marketplace.AppHost;

/// <summary>Every host the AppHost runs (a deployment test checks that the list names each one in the repository).</summary>
internal static class MarketplaceHosts
{
    /// <summary>The OpenID Connect authority every other host trusts.</summary>
    public static MarketplaceHost Identity { get; } = new("identity", new Projects.Marketplace_Identity_Host(), 5103, "identity");

    /// <summary>The other services, each with its own database and queues.</summary>
    public static IReadOnlyList<MarketplaceHost> Services { get; } =
    [
        new("catalogue", new Projects.Marketplace_Catalogue_Host(), 5101, "catalogue"),
        new("matching", new Projects.Marketplace_Matching_Host(), 5102, "matching"),
        new("funding", new Projects.Marketplace_Funding_Host(), 5104, "funding"),
        new("talent", new Projects.Marketplace_Talent_Host(), 5105, "talent"),
        new("opendata", new Projects.Marketplace_OpenData_Host(), 5106, "opendata"),
    ];

    /// <summary>The public entry with the web UI, whose database holds the UI's sessions and key ring.</summary>
    public static MarketplaceHost Gateway { get; } = new("gateway", new Projects.Marketplace_Gateway(), 5100, "web");
}
