using Marketplace.Contracts.Identity;
using Marketplace.ServiceDefaults.Data;
using Marketplace.ServiceDefaults.Messaging;
using MassTransit;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace Marketplace.ServiceDefaults.Auth;

/// <summary>Every service records revocations in its own database; <see cref="RevocationCheck{TContext}"/> reads them per request.</summary>
public sealed class TokensRevokedConsumer<TContext>(TContext db, TimeProvider time, ILogger<TokensRevokedConsumer<TContext>> logger)
    : IdempotentConsumer<TokensRevoked, TContext>(db, time, logger)
    where TContext : DbContext, IServiceDbContext
{
    protected override async Task HandleAsync(TokensRevoked message, ConsumeContext<TokensRevoked> context)
    {
        // Revocations outlive their tokens only briefly; the table stays the size of what is still needed.
        var now = Time.GetUtcNow();
        await Db.RevokedTokens.Where(r => r.KeepUntil < now).ExecuteDeleteAsync(context.CancellationToken);
        var key = message.TokenId is { } jti ? RevokedToken.TokenKey(jti) : RevokedToken.SubjectKey(message.Subject);
        var existing = await Db.RevokedTokens.FirstOrDefaultAsync(r => r.Key == key, context.CancellationToken);
        if (existing is null)
        {
            Db.RevokedTokens.Add(new RevokedToken { Key = key, Subject = message.Subject, RevokedAt = message.RevokedAt, KeepUntil = message.KeepUntil });
            return;
        }
        // A subject revoked twice: the later cut-off covers the earlier one.
        if (message.RevokedAt > existing.RevokedAt)
        {
            existing.RevokedAt = message.RevokedAt;
        }
        if (message.KeepUntil > existing.KeepUntil)
        {
            existing.KeepUntil = message.KeepUntil;
        }
    }
}
