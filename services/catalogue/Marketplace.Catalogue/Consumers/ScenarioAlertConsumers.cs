using Marketplace.Catalogue.Alerts;
using Marketplace.Catalogue.Data;
using Marketplace.Catalogue.Domain;
using Marketplace.Contracts.Catalogue;
using Marketplace.ServiceDefaults.Messaging;
using MassTransit;
using Microsoft.Extensions.Logging;

namespace Marketplace.Catalogue.Consumers;

/// <summary>
/// The catalogue consumes its own publication events to alert saved searches: the alerts are
/// written once per event (inbox), after the publication has committed, without slowing it down.
/// </summary>
public sealed class ScenarioPublishedAlertConsumer(CatalogueDbContext db, TimeProvider time, ILogger<ScenarioPublishedAlertConsumer> logger)
    : IdempotentConsumer<ScenarioPublished, CatalogueDbContext>(db, time, logger)
{
    protected override Task HandleAsync(ScenarioPublished message, ConsumeContext<ScenarioPublished> context) =>
        SavedSearchAlerts.NotifyAsync(Db, message.ScenarioId, NotificationKind.ScenarioPublished, null, Time.GetUtcNow(), context.CancellationToken);
}

public sealed class ScenarioAmendedAlertConsumer(CatalogueDbContext db, TimeProvider time, ILogger<ScenarioAmendedAlertConsumer> logger)
    : IdempotentConsumer<ScenarioAmended, CatalogueDbContext>(db, time, logger)
{
    protected override Task HandleAsync(ScenarioAmended message, ConsumeContext<ScenarioAmended> context) =>
        SavedSearchAlerts.NotifyAsync(Db, message.ScenarioId, NotificationKind.ScenarioAmended, message.Number, Time.GetUtcNow(), context.CancellationToken);
}
