namespace Marketplace.Identity.Domain;

/// <summary>
/// An RSA key tokens are signed with (RS256). The newest active key signs; a retired key stays in the
/// JWKS until <see cref="RemoveAfter"/>, when every token it signed has expired.
/// </summary>
public sealed class SigningKey
{
    private SigningKey()
    {
    }

    public string KeyId { get; private set; } = "";

    public string PrivateKeyPem { get; private set; } = "";

    public DateTimeOffset CreatedAt { get; private set; }

    public DateTimeOffset? RetiredAt { get; private set; }

    public DateTimeOffset? RemoveAfter { get; private set; }

    public static SigningKey Create(string keyId, string privateKeyPem, DateTimeOffset now) =>
        new() { KeyId = keyId, PrivateKeyPem = privateKeyPem, CreatedAt = now };

    public bool IsPublished(DateTimeOffset now) => PrivateKeyPem.Length > 0 && (RemoveAfter is not { } until || now < until);

    /// <summary>
    /// No token signed with this key is still valid: the private key is erased, the id kept so that a
    /// key still listed in Identity:ImportKeys is not imported (and used) again.
    /// </summary>
    public void Forget() => PrivateKeyPem = "";

    public void Retire(DateTimeOffset now, TimeSpan keepPublishedFor)
    {
        RetiredAt ??= now;
        RemoveAfter ??= now.Add(keepPublishedFor);
    }
}
