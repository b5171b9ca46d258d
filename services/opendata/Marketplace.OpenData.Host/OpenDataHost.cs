namespace Marketplace.OpenData.Host;

/// <summary>Marks this assembly's entry point for WebApplicationFactory in tests.</summary>
public sealed class OpenDataHost;
