using Marketplace.Identity.Domain;
using Marketplace.Identity.Oidc;
using Marketplace.ServiceDefaults.Auth;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using OpenIddict.Abstractions;

namespace Marketplace.Identity.Tokens;

/// <summary>
/// While the host starts (after migrations, before seeding and serving): the marketplace roles
/// exist, the web UI's OpenIddict application matches configuration, and there is a signing key.
/// Then every 30 seconds the keys are read again (another instance may have rotated), and every hour
/// the key schedule runs (rotation when due, removal of expired keys).
/// </summary>
public sealed partial class IdentityStartupService(
    IServiceScopeFactory scopes, SigningKeyStore keys, TokenServerOptions options, TimeProvider time, ILogger<IdentityStartupService> logger) : BackgroundService, IHostedLifecycleService
{
    public async Task StartingAsync(CancellationToken cancellationToken)
    {
        await using (var scope = scopes.CreateAsyncScope())
        {
            var roles = scope.ServiceProvider.GetRequiredService<RoleManager<IdentityRole<Guid>>>();
            foreach (var role in Roles.All)
            {
                if (!await roles.RoleExistsAsync(role))
                {
                    await roles.CreateAsync(new IdentityRole<Guid>(role) { Id = Guid.NewGuid() });
                }
            }
            await BootstrapAdminAsync(scope.ServiceProvider);
            await OidcClients.EnsureWebClientAsync(scope.ServiceProvider.GetRequiredService<IOpenIddictApplicationManager>(), options.WebClient, cancellationToken);
        }
        await keys.MaintainAsync(cancellationToken);
    }

    private async Task BootstrapAdminAsync(IServiceProvider services)
    {
        if (options.BootstrapAdmin is not { Email: { Length: > 0 } email, Password: { Length: > 0 } password })
        {
            return;
        }
        var users = services.GetRequiredService<UserManager<MarketplaceUser>>();
        if ((await users.GetUsersInRoleAsync(Roles.Admin)).Count > 0)
        {
            return;
        }
        var (created, errors) = await services.GetRequiredService<Memberships>().CreateAsync(
            email, options.BootstrapAdmin.Name, "en", password, organisationId: null, [Roles.Admin], manager: false);
        if (created is null)
        {
            throw new InvalidOperationException($"Identity:BootstrapAdmin could not be created: {string.Join("; ", errors.Select(e => e.Description))}");
        }
        LogBootstrapped(logger, email);
    }

    public Task StartedAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StoppingAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StoppedAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(TimeSpan.FromSeconds(30), time);
        var maintained = time.GetUtcNow();
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            try
            {
                if (time.GetUtcNow() - maintained >= TimeSpan.FromHours(1))
                {
                    maintained = time.GetUtcNow();
                    await keys.MaintainAsync(stoppingToken);
                }
                else
                {
                    await keys.ReloadAsync(stoppingToken);
                }
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                LogFailed(logger, ex);
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Created the bootstrap administrator {Email}; change its password")]
    private static partial void LogBootstrapped(ILogger logger, string email);

    [LoggerMessage(Level = LogLevel.Error, Message = "Signing key maintenance failed; the current keys stay in use")]
    private static partial void LogFailed(ILogger logger, Exception exception);
}
