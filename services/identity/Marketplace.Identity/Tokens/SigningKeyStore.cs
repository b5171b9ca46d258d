using System.Security.Cryptography;
using Marketplace.Identity.Data;
using Marketplace.Identity.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Primitives;
using Microsoft.IdentityModel.Tokens;

namespace Marketplace.Identity.Tokens;

/// <summary>The keys of this instance's view: the one that signs, and every one still published in the JWKS.</summary>
public sealed record SigningKeySet(RsaSecurityKey Active, IReadOnlyList<RsaSecurityKey> Published);

/// <summary>
/// Signing keys live in the identity database, so every instance signs with the same key and
/// publishes the same JWKS. Keys are re-read at most every 30 seconds (another instance may rotate);
/// when the set changes, <see cref="Changes"/> fires and OpenIddict's signing credentials are rebuilt.
/// </summary>
public sealed class SigningKeyStore(IServiceScopeFactory scopes, TokenServerOptions options, TimeProvider time) : IDisposable
{
    private static readonly TimeSpan s_reloadAfter = TimeSpan.FromSeconds(30);
    private readonly SemaphoreSlim _gate = new(1, 1);
    private (SigningKeySet Keys, DateTimeOffset LoadedAt)? _cache;
    private SigningKeySet? _last;
    private CancellationTokenSource _changes = new();

    /// <summary>Fires when the loaded keys differ from the previous load (a rotation here or on another instance).</summary>
    public IChangeToken Changes => new CancellationChangeToken(_changes.Token);

    /// <summary>The keys loaded last, without waiting; the first call loads them.</summary>
    public SigningKeySet Current => _last ?? CurrentAsync(CancellationToken.None).GetAwaiter().GetResult();

    public async Task<SigningKeySet> CurrentAsync(CancellationToken cancellationToken)
    {
        if (_cache is { } cached && time.GetUtcNow() - cached.LoadedAt < s_reloadAfter)
        {
            return cached.Keys;
        }
        await _gate.WaitAsync(cancellationToken);
        try
        {
            await using var scope = scopes.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<IdentityServiceDbContext>();
            var now = time.GetUtcNow();
            var rows = await db.SigningKeys.AsNoTracking().ToListAsync(cancellationToken);
            var published = rows.Where(k => k.IsPublished(now)).OrderByDescending(k => k.CreatedAt).ToList();
            var active = published.FirstOrDefault(k => k.RetiredAt is null)
                ?? throw new InvalidOperationException("No active signing key; the identity service creates one on start-up.");
            var keys = new SigningKeySet(ToSecurityKey(active), published.Select(ToSecurityKey).ToList());
            _cache = (keys, now);
            var changed = _last is { } last && (last.Active.KeyId != keys.Active.KeyId
                || !last.Published.Select(k => k.KeyId).SequenceEqual(keys.Published.Select(k => k.KeyId)));
            _last = keys;
            if (changed)
            {
                using var fired = Interlocked.Exchange(ref _changes, new CancellationTokenSource());
                fired.Cancel();
            }
            return keys;
        }
        finally
        {
            _gate.Release();
        }
    }

    public void Invalidate() => _cache = null;

    /// <summary>Reads the keys again now (after a change made here), so the new set signs and is published at once.</summary>
    public async Task ReloadAsync(CancellationToken cancellationToken)
    {
        Invalidate();
        await CurrentAsync(cancellationToken);
    }

    public void Dispose()
    {
        _gate.Dispose();
        _changes.Dispose();
    }

    /// <summary>Imports configured keys, creates the first key, rotates a key that is due and forgets keys no token can need.</summary>
    public async Task MaintainAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<IdentityServiceDbContext>();
        var now = time.GetUtcNow();
        var keys = await db.SigningKeys.ToListAsync(cancellationToken);

        foreach (var imported in options.ImportKeys.Where(k => !string.IsNullOrWhiteSpace(k.KeyId)))
        {
            if (keys.All(k => k.KeyId != imported.KeyId))
            {
                var key = SigningKey.Create(imported.KeyId, imported.PrivateKeyPem, now);
                db.SigningKeys.Add(key);
                keys.Add(key);
            }
        }

        var active = keys.Where(k => k.RetiredAt is null && k.PrivateKeyPem.Length > 0).OrderByDescending(k => k.CreatedAt).ToList();
        if (active.Count == 0 || now - active[0].CreatedAt >= TimeSpan.FromDays(options.KeyRotationDays))
        {
            Rotate(db, keys, now);
        }
        foreach (var expired in keys.Where(k => k.RetiredAt is not null && !k.IsPublished(now)))
        {
            expired.Forget();
        }
        await db.SaveChangesAsync(cancellationToken);
        await ReloadAsync(cancellationToken);
    }

    /// <summary>Creates a new signing key now and retires the others (an administrator's emergency rotation, or the schedule).</summary>
    public async Task<string> RotateAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<IdentityServiceDbContext>();
        var keys = await db.SigningKeys.ToListAsync(cancellationToken);
        var created = Rotate(db, keys, time.GetUtcNow());
        await db.SaveChangesAsync(cancellationToken);
        await ReloadAsync(cancellationToken);
        return created.KeyId;
    }

    private SigningKey Rotate(IdentityServiceDbContext db, List<SigningKey> keys, DateTimeOffset now)
    {
        foreach (var old in keys.Where(k => k.RetiredAt is null))
        {
            old.Retire(now, options.RetiredKeyPublication);
        }
        using var rsa = RSA.Create(2048);
        var key = SigningKey.Create($"{now:yyyyMMdd}-{Guid.NewGuid():N}"[..25], rsa.ExportPkcs8PrivateKeyPem(), now);
        db.SigningKeys.Add(key);
        keys.Add(key);
        return key;
    }

    private static RsaSecurityKey ToSecurityKey(SigningKey key)
    {
        var rsa = RSA.Create();
        rsa.ImportFromPem(key.PrivateKeyPem);
        return new RsaSecurityKey(rsa) { KeyId = key.KeyId };
    }
}
