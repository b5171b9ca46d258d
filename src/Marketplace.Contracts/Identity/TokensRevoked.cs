namespace Marketplace.Contracts.Identity;

/// <summary>
/// Access tokens must no longer be accepted before they expire. With a <paramref name="TokenId"/>
/// (the token's <c>jti</c>) only that token; without one, every token of <paramref name="Subject"/>
/// issued at or before <paramref name="RevokedAt"/> (a member removed, an account locked or its
/// password changed). Services may forget the revocation after <paramref name="KeepUntil"/>, when
/// every affected token has expired anyway.
/// </summary>
public sealed record TokensRevoked(
    string Subject,
    string? TokenId,
    DateTimeOffset RevokedAt,
    DateTimeOffset KeepUntil);
