using System.Security.Cryptography;
using System.Text;

namespace Marketplace.Identity.Domain;

/// <summary>
/// Random one-time codes, client secrets and refresh-token handles, stored only as SHA-256. They carry
/// 256 bits of entropy, so a fast hash is enough (passwords use Identity's slow hasher instead).
/// </summary>
public static class Secrets
{
    public static string NewCode() => Base64Url(RandomNumberGenerator.GetBytes(32));

    public static string Hash(string secret) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(secret)));

    /// <summary>Constant-time comparison of a presented secret with a stored hash.</summary>
    public static bool Matches(string presented, string storedHash) =>
        CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(Hash(presented)), Encoding.ASCII.GetBytes(storedHash));

    private static string Base64Url(byte[] bytes) =>
        Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}
