using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Marketplace.ServiceDefaults.Auth;

/// <summary>
/// A revocation this service has heard of (<c>TokensRevoked</c>): one token by its <c>jti</c>
/// (key <c>jti:…</c>), or every token of a subject issued up to <see cref="RevokedAt"/> (key <c>sub:…</c>).
/// Kept in each service's own database, so every instance of the service honours it, also after a restart.
/// </summary>
public sealed class RevokedToken
{
    public string Key { get; set; } = "";

    public string Subject { get; set; } = "";

    public DateTimeOffset RevokedAt { get; set; }

    public DateTimeOffset KeepUntil { get; set; }

    public static string TokenKey(string tokenId) => "jti:" + tokenId;

    public static string SubjectKey(string subject) => "sub:" + subject;
}

internal sealed class RevokedTokenConfiguration : IEntityTypeConfiguration<RevokedToken>
{
    public void Configure(EntityTypeBuilder<RevokedToken> builder)
    {
        builder.ToTable("revoked_tokens");
        builder.HasKey(x => x.Key);
        builder.Property(x => x.Key).HasMaxLength(200);
        builder.Property(x => x.Subject).HasMaxLength(200);
        builder.HasIndex(x => x.KeepUntil);
    }
}
