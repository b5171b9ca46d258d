using System.Diagnostics;
using Marketplace.ServiceDefaults.Messaging;
using Marketplace.ServiceDefaults.Observability;
using Marketplace.Contracts.Catalogue;

namespace Marketplace.UnitTests;

public sealed class InfrastructureTests
{
    [Theory]
    [InlineData("abc-123_x.y", "abc-123_x.y")]
    [InlineData("", null)]
    [InlineData("bad value\nwith newline", null)]
    public void Correlation_ids_from_callers_are_kept_only_when_plain(string given, string? kept)
    {
        Assert.Equal(kept, CorrelationId.Sanitize(given));
    }

    [Fact]
    public void The_correlation_id_is_the_trace_id_of_the_current_activity()
    {
        Assert.Null(CorrelationId.Current);
        using var activity = new Activity("request").SetIdFormat(ActivityIdFormat.W3C).Start();

        Assert.Equal(activity.TraceId.ToHexString(), CorrelationId.Current);
        Assert.Equal(activity.Id, CorrelationId.CurrentTraceParent);
    }

    [Fact]
    public void An_outbox_message_round_trips_its_event_and_carries_the_traceparent_of_the_activity_that_wrote_it()
    {
        using var activity = new Activity("request").SetIdFormat(ActivityIdFormat.W3C).Start();
        var now = DateTimeOffset.UtcNow;
        var published = new ScenarioPublished(Guid.NewGuid(), Guid.NewGuid(), null, "T", "題", "P", "問", "Living", "healthcare", ["nlp"], 1m, 2m, "HongKongOnly", [], now.AddDays(20), now);

        var message = OutboxMessage.From(published, now);
        var type = message.ResolveType();

        Assert.Equal(typeof(ScenarioPublished), type);
        Assert.Equal(activity.Id, message.TraceParent);
        Assert.StartsWith($"00-{activity.TraceId.ToHexString()}-{activity.SpanId.ToHexString()}-", message.TraceParent);
        Assert.True(message.TraceParent!.Length <= 64);
        var back = (ScenarioPublished)message.Deserialize(type!);
        Assert.Equal(published.ScenarioId, back.ScenarioId);
        Assert.Equal(published.Capabilities, back.Capabilities);
    }
}
