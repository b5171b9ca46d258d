using Marketplace.Contracts.Catalogue;
using Marketplace.Contracts.Identity;
using Marketplace.ServiceDefaults.Messaging;

namespace Marketplace.UnitTests;

public sealed class MessageTypesTests
{
    [Fact]
    public void Every_contract_has_a_unique_stable_name_that_maps_back_to_it()
    {
        var contracts = typeof(TokensRevoked).Assembly.GetExportedTypes()
            .Where(t => t.IsClass && !t.IsAbstract && t.Namespace?.StartsWith("Marketplace.Contracts.", StringComparison.Ordinal) == true)
            .ToList();

        Assert.True(contracts.Count >= 15, $"only {contracts.Count} contracts found");
        var names = contracts.Select(MessageTypes.NameOf).ToList();
        Assert.Equal(names.Count, names.Distinct(StringComparer.Ordinal).Count());
        Assert.All(contracts, t =>
        {
            var name = MessageTypes.NameOf(t);
            Assert.Equal($"{t.Namespace!.Split('.')[2].ToLowerInvariant()}.{t.Name}", name);
            Assert.Equal(t, MessageTypes.Resolve(name));
        });
        Assert.Equal(contracts.Count, MessageTypes.All.Count);
    }

    [Fact]
    public void A_stored_event_carries_its_stable_name_not_its_clr_name()
    {
        var message = OutboxMessage.From(new TokensRevoked("someone", null, DateTimeOffset.UnixEpoch, DateTimeOffset.UnixEpoch), DateTimeOffset.UnixEpoch);

        Assert.Equal("identity.TokensRevoked", message.MessageType);
        Assert.Equal(typeof(TokensRevoked), message.ResolveType());
    }

    [Theory]
    [InlineData("Marketplace.Contracts.Catalogue.ScenarioPublished, Marketplace.Contracts")]
    [InlineData("Marketplace.Contracts.Catalogue.ScenarioPublished, Marketplace.Contracts, Version=1.0.0.0, Culture=neutral, PublicKeyToken=null")]
    [InlineData("Marketplace.Contracts.Catalogue.ScenarioPublished")]
    public void Names_stored_by_earlier_versions_still_resolve(string stored)
    {
        Assert.Equal(typeof(ScenarioPublished), MessageTypes.Resolve(stored));
    }

    [Theory]
    [InlineData("catalogue.NoSuchEvent")]
    [InlineData("Catalogue.ScenarioPublished")]
    [InlineData("System.IO.FileInfo, System.IO.FileSystem")]
    [InlineData("")]
    public void Unknown_names_and_types_outside_the_contracts_resolve_to_nothing(string stored)
    {
        Assert.Null(MessageTypes.Resolve(stored));
    }

    [Fact]
    public void Only_contracts_can_be_stored_as_events()
    {
        Assert.Throws<ArgumentException>(() => OutboxMessage.From(new Uri("http://example.org"), DateTimeOffset.UnixEpoch));
    }
}
