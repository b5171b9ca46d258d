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
        var result = CorrelationId.Sanitize(given);
        if (kept is null)
        {
            Assert.NotEqual(given, result);
            Assert.Equal(32, result.Length);
        }
        else
        {
            Assert.Equal(kept, result);
        }
    }

    [Fact]
    public void An_outbox_message_round_trips_its_event_and_carries_the_correlation_id()
    {
        CorrelationId.Current = "req-42";
        var now = DateTimeOffset.UtcNow;
        var published = new ScenarioPublished(Guid.NewGuid(), Guid.NewGuid(), null, "T", "題", "P", "問", "Living", "healthcare", ["nlp"], 1m, 2m, "HongKongOnly", [], now.AddDays(20), now);

        var message = OutboxMessage.From(published, now);
        var type = message.ResolveType();

        Assert.Equal(typeof(ScenarioPublished), type);
        Assert.Equal("req-42", message.CorrelationId);
        var back = (ScenarioPublished)message.Deserialize(type!);
        Assert.Equal(published.ScenarioId, back.ScenarioId);
        Assert.Equal(published.Capabilities, back.Capabilities);
        CorrelationId.Current = null;
    }
}
