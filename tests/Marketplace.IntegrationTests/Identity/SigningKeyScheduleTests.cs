using System.Net.Http.Json;
using System.Text.Json;
using Marketplace.Identity.Tokens;
using Marketplace.IntegrationTests.Infrastructure;
using Marketplace.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace Marketplace.IntegrationTests.Identity;

/// <summary>The key schedule on the identity service's clock: rotation when due, retired keys leaving the JWKS. Each test class has its own clock.</summary>
public abstract class SigningKeyScheduleTests(MarketplaceEnvironment env)
{
    private async Task<List<string?>> PublishedKidsAsync() =>
        (await env.IdentityClient().GetFromJsonAsync<JsonElement>("/api/identity/.well-known/jwks"))
            .GetProperty("keys").EnumerateArray().Select(k => k.GetProperty("kid").GetString()).ToList();

    [Fact]
    public async Task A_due_key_is_rotated_and_the_retired_key_leaves_the_JWKS_once_its_tokens_have_expired()
    {
        var store = env.IdentityServices.GetRequiredService<SigningKeyStore>();
        Assert.Contains(Tokens.KeyId, await PublishedKidsAsync());

        // 90 days on (Identity:KeyRotationDays), the hourly maintenance creates a new key.
        env.Clock.Advance(TimeSpan.FromDays(90));
        await store.MaintainAsync(CancellationToken.None);
        var kids = await PublishedKidsAsync();
        Assert.Equal(2, kids.Count);
        Assert.Contains(Tokens.KeyId, kids);

        // Until the last token of the retired key has expired (15 minutes + 5 of skew), it stays published.
        env.Clock.Advance(TimeSpan.FromMinutes(19));
        await store.MaintainAsync(CancellationToken.None);
        Assert.Contains(Tokens.KeyId, await PublishedKidsAsync());

        env.Clock.Advance(TimeSpan.FromMinutes(2));
        await store.MaintainAsync(CancellationToken.None);
        Assert.DoesNotContain(Tokens.KeyId, await PublishedKidsAsync());

        // The key is gone for good: still listed in Identity:ImportKeys, it is not imported again on the next start.
        await store.MaintainAsync(CancellationToken.None);
        Assert.Single(await PublishedKidsAsync());
        var removed = await env.InIdentityDbAsync(db => db.SigningKeys.FindAsync(Tokens.KeyId).AsTask());
        Assert.NotNull(removed);
        Assert.Equal("", removed.PrivateKeyPem);
        Assert.NotNull(removed.RetiredAt);
    }
}

public sealed class SigningKeyScheduleTests_Standalone(StandaloneEnvironment env) : SigningKeyScheduleTests(env), IClassFixture<StandaloneEnvironment>;

public sealed class SigningKeyScheduleTests_Distributed(DistributedEnvironment env) : SigningKeyScheduleTests(env), IClassFixture<DistributedEnvironment>;
