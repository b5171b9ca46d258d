using System.Collections.Concurrent;

namespace Marketplace.SoakTests;

/// <summary>Every request of the load, recorded from any thread.</summary>
public sealed class RequestLog
{
    private readonly ConcurrentQueue<RequestRecord> _records = new();

    public void Add(RequestRecord record) => _records.Enqueue(record);

    public IReadOnlyList<RequestRecord> Records => [.. _records];

    public IReadOnlyList<RequestRecord> Errors => [.. _records.Where(r => r.Error is not null)];
}
