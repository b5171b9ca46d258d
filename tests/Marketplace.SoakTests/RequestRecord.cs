namespace Marketplace.SoakTests;

/// <summary>
/// One request of the load: what it was, which host served it behind the gateway, when it started (from the load's start),
/// how long it took, and why it counts as an error (an unexpected status, an exception or a timeout), if it does.
/// </summary>
public sealed record RequestRecord(string Kind, string Service, TimeSpan At, TimeSpan Latency, int Status, string? Error);
