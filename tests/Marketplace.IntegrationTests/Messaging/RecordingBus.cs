using System.Reflection;
using MassTransit;

namespace Marketplace.IntegrationTests.Messaging;

/// <summary>An <see cref="IBus"/> that accepts every publish at once and records what was published, by whom, in order.</summary>
public class RecordingBus : DispatchProxy
{
    private readonly List<(string Publisher, object Message)> _published = [];
    private string _name = "";

    public static IBus Create(string name, RecordingBus? shareWith = null)
    {
        var bus = Create<IBus, RecordingBus>();
        var recorder = (RecordingBus)(object)bus;
        recorder._name = name;
        recorder.Shared = shareWith?.Shared ?? recorder._published;
        return bus;
    }

    public static RecordingBus Of(IBus bus) => (RecordingBus)(object)bus;

    private List<(string Publisher, object Message)> Shared { get; set; } = [];

    /// <summary>Everything published through every bus sharing this record, in the order the publishes happened.</summary>
    public IReadOnlyList<(string Publisher, object Message)> Published
    {
        get
        {
            lock (Shared)
            {
                return [.. Shared];
            }
        }
    }

    protected override object? Invoke(MethodInfo? targetMethod, object?[]? args)
    {
        if (targetMethod?.Name != nameof(IPublishEndpoint.Publish) || args is not [{ } message, ..])
        {
            throw new NotSupportedException($"The outbox dispatcher was not expected to call {targetMethod?.Name}.");
        }
        lock (Shared)
        {
            Shared.Add((_name, message));
        }
        return Task.CompletedTask;
    }
}
