using System.Text;
using Marketplace.Catalogue;
using Marketplace.Catalogue.Data;
using Marketplace.Identity.Data;
using Marketplace.Identity.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;

namespace Marketplace.Standalone;

/// <summary>
/// Seeds empty databases with the demo data on first start (after migrations, before the bus), and
/// once the host listens prints its address and the demo accounts with their password.
/// </summary>
public sealed partial class DemoDataSeeder(
    IServiceProvider services,
    IHostApplicationLifetime lifetime,
    IConfiguration configuration,
    CatalogueOptions catalogue,
    TimeProvider time,
    ILogger<DemoDataSeeder> logger) : IHostedLifecycleService
{
    public static string DataFile => Path.Combine(AppContext.BaseDirectory, "Seed", "demo-data.json");

    public async Task StartingAsync(CancellationToken cancellationToken)
    {
        if (!configuration.GetValue("Standalone:SeedDemoData", true))
        {
            return;
        }
        var data = DemoData.Load(DataFile);
        await using var scope = services.CreateAsyncScope();
        // Identity first: its OrganisationRegistered events are what other services learn organisations from.
        var identity = scope.ServiceProvider.GetRequiredService<IdentityServiceDbContext>();
        if (await data.Identity.ApplyAsync(identity, scope.ServiceProvider.GetRequiredService<Memberships>(), time.GetUtcNow(), cancellationToken))
        {
            LogSeededIdentity(logger, data.Identity.Organisations.Count, data.Users.Count);
        }
        var userIds = await identity.Users.ToDictionaryAsync(u => u.Email!, u => u.Id.ToString(), cancellationToken);
        var db = scope.ServiceProvider.GetRequiredService<CatalogueDbContext>();
        if (await data.CatalogueFor(userIds).ApplyAsync(db, time.GetUtcNow(), catalogue.MinimumProposalPeriod, cancellationToken))
        {
            LogSeeded(logger, data.Scenarios.Count, data.Departments.Count);
        }
        lifetime.ApplicationStarted.Register(() => PrintWelcome(data));
    }

    private void PrintWelcome(DemoData data)
    {
        var urls = services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()?.Addresses ?? [];
        var text = new StringBuilder();
        text.AppendLine().AppendLine("Hong Kong AI Scenario Marketplace (standalone) — 香港人工智能應用場景市場");
        foreach (var url in urls)
        {
            text.Append("  Listening on ").AppendLine(url);
        }
        text.AppendLine("  Scenarios: /api/catalogue/scenarios   API docs: /api-docs   Health: /health/ready");
        text.AppendLine("  Sign in (scripts and the demo): POST /api/identity/connect/token (grant_type=password, username, password)");
        text.Append("  Demo accounts (password ").Append(data.DemoPassword).AppendLine(" for all):");
        foreach (var user in data.Users)
        {
            var org = data.DescribeOrganisation(user.OrganisationId);
            text.Append("    ").Append(user.Email.PadRight(34)).Append(user.Role.PadRight(19)).AppendLine(org?.Name ?? "—");
        }
        Console.WriteLine(text.ToString());
    }

    public Task StartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StartedAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StoppingAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StoppedAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    [LoggerMessage(Level = LogLevel.Information, Message = "Seeded demo identities: {Organisations} organisations, {Users} users")]
    private static partial void LogSeededIdentity(ILogger logger, int organisations, int users);

    [LoggerMessage(Level = LogLevel.Information, Message = "Seeded demo data: {Scenarios} scenarios from {Departments} departments")]
    private static partial void LogSeeded(ILogger logger, int scenarios, int departments);
}

public static class DemoDataSetup
{
    public static WebApplicationBuilder AddDemoData(this WebApplicationBuilder builder)
    {
        builder.Services.AddHostedService<DemoDataSeeder>();
        return builder;
    }
}
