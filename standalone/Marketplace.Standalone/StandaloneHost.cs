namespace Marketplace.Standalone;

/// <summary>Marks this assembly's entry point for WebApplicationFactory in tests.</summary>
public sealed class StandaloneHost;
