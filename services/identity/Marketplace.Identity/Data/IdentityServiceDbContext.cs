using Marketplace.Identity.Domain;
using Marketplace.ServiceDefaults.Auditing;
using Marketplace.ServiceDefaults.Auth;
using Marketplace.ServiceDefaults.Data;
using Marketplace.ServiceDefaults.Messaging;
using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;

namespace Marketplace.Identity.Data;

/// <summary>
/// ASP.NET Core Identity's tables plus organisations, invitations, API clients and signing keys,
/// OpenIddict's applications, authorizations, scopes and tokens, the Data Protection key ring, and
/// the outbox, inbox and audit tables every service database has.
/// </summary>
public abstract class IdentityServiceDbContext(DbContextOptions options)
    : IdentityDbContext<MarketplaceUser, IdentityRole<Guid>, Guid>(options), IServiceDbContext, IDataProtectionKeyContext
{
    public DbSet<OutboxMessage> OutboxMessages => Set<OutboxMessage>();

    public DbSet<InboxMessage> InboxMessages => Set<InboxMessage>();

    public DbSet<AuditEntry> AuditLog => Set<AuditEntry>();

    public DbSet<RevokedToken> RevokedTokens => Set<RevokedToken>();

    public DbSet<Organisation> Organisations => Set<Organisation>();

    public DbSet<Invitation> Invitations => Set<Invitation>();

    public DbSet<ApiClient> ApiClients => Set<ApiClient>();

    /// <summary>The Data Protection key ring that protects authorization codes, refresh tokens, the sign-in cookie and antiforgery tokens.</summary>
    public DbSet<DataProtectionKey> DataProtectionKeys => Set<DataProtectionKey>();

    public DbSet<SigningKey> SigningKeys => Set<SigningKey>();

    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);
        builder.AddServiceTables();
        // OpenIddict's stores (applications, authorizations, scopes, tokens) on this context.
        builder.UseOpenIddict();

        // Who holds which role is part of the audit trail, like every other change of a membership.
        builder.Entity<IdentityUserRole<Guid>>().HasAnnotation(AuditModel.Audited, true);
        builder.Entity<MarketplaceUser>(u =>
        {
            u.Property(x => x.DisplayName).HasMaxLength(200);
            u.Property(x => x.Locale).HasMaxLength(10);
            u.HasIndex(x => x.OrganisationId);
        });
        builder.Entity<Organisation>(o =>
        {
            o.ToTable("organisations");
            o.HasKey(x => x.Id);
            o.Property(x => x.Type).HasConversion<string>().HasMaxLength(20);
            o.Property(x => x.Status).HasConversion<string>().HasMaxLength(20);
            o.Property(x => x.SizeClass).HasConversion<string>().HasMaxLength(10);
            o.Property(x => x.NameEn).HasMaxLength(OrganisationDetails.NameMax);
            o.Property(x => x.NameZh).HasMaxLength(OrganisationDetails.NameMax);
            o.Property(x => x.BusinessRegistrationNumber).HasMaxLength(8);
            o.Property(x => x.StatusReason).HasMaxLength(1000);
            o.Property(x => x.Version).IsConcurrencyToken();
            // One marketplace account per registered business.
            o.HasIndex(x => x.BusinessRegistrationNumber).IsUnique();
            o.HasIndex(x => new { x.Type, x.Status });
            o.Ignore(x => x.IsActive);
        });
        builder.Entity<Invitation>(i =>
        {
            i.ToTable("invitations");
            i.HasKey(x => x.Id);
            i.Property(x => x.Email).HasMaxLength(256);
            i.Property(x => x.Role).HasMaxLength(40);
            i.Property(x => x.CodeHash).HasMaxLength(64);
            i.Property(x => x.InvitedBy).HasMaxLength(100);
            i.HasIndex(x => x.CodeHash).IsUnique();
            i.HasIndex(x => x.OrganisationId);
        });
        builder.Entity<ApiClient>(c =>
        {
            c.ToTable("api_clients");
            c.HasKey(x => x.Id);
            c.Property(x => x.ClientId).HasMaxLength(40);
            c.Property(x => x.SecretHash).HasMaxLength(64);
            c.Property(x => x.Name).HasMaxLength(200);
            c.Property(x => x.Role).HasMaxLength(40);
            c.Property(x => x.CreatedBy).HasMaxLength(100);
            c.HasIndex(x => x.ClientId).IsUnique();
            c.HasIndex(x => x.OrganisationId);
        });
        builder.Entity<DataProtectionKey>(k =>
        {
            k.ToTable("data_protection_keys");
            k.HasKey(x => x.Id);
            k.Property(x => x.FriendlyName).HasMaxLength(200);
            k.Property(x => x.Xml).IsRequired();
        });
        builder.Entity<SigningKey>(k =>
        {
            k.ToTable("signing_keys");
            k.HasKey(x => x.KeyId);
            k.Property(x => x.KeyId).HasMaxLength(64);
        });
    }
}

/// <summary>Identity on SQLite (standalone mode); owns the migrations under Data/Migrations/Sqlite.</summary>
public sealed class SqliteIdentityServiceDbContext(DbContextOptions<SqliteIdentityServiceDbContext> options) : IdentityServiceDbContext(options)
{
    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder) =>
        SqliteConventions.Apply(configurationBuilder);
}

/// <summary>Identity on PostgreSQL (distributed mode); owns the migrations under Data/Migrations/Postgres.</summary>
public sealed class PostgresIdentityServiceDbContext(DbContextOptions<PostgresIdentityServiceDbContext> options) : IdentityServiceDbContext(options);

/// <summary>Identity on SQL Server; owns the migrations under Data/Migrations/SqlServer.</summary>
public sealed class SqlServerIdentityServiceDbContext(DbContextOptions<SqlServerIdentityServiceDbContext> options) : IdentityServiceDbContext(options)
{
    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder) =>
        SqlServerConventions.Apply(configurationBuilder);
}
