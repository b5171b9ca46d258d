namespace Marketplace.Matching.Host;

/// <summary>Marks this assembly's entry point for WebApplicationFactory in tests.</summary>
public sealed class MatchingHost;
