namespace Marketplace.SoakTests;

/// <summary>A host's resident set size (VmRSS) at a moment of the load, in MB (MiB); null when the process was gone.</summary>
public sealed record RssSample(string Host, TimeSpan At, double? Mb);
