using Microsoft.Extensions.Logging;
using RabbitMQ.Client;
using RabbitMQ.Client.Exceptions;

namespace Marketplace.ServiceDefaults.Messaging;

/// <summary>
/// Moves messages that exhausted their retries from <c>&lt;queue&gt;_error</c> back to
/// <c>&lt;queue&gt;</c>, once the cause is fixed. Each message is acknowledged in the error queue only
/// after the broker confirmed it in the work queue, so a crash mid-way duplicates (which the inbox
/// absorbs) but never loses. Run as <c>&lt;Host&gt;.dll --replay-errors [queue]</c>.
/// </summary>
public sealed partial class ErrorQueueReplay(MessagingOptions options, ConsumerRegistrations consumers, ILogger<ErrorQueueReplay> logger)
{
    public async Task<int> ReplayAsync(string? onlyQueue, CancellationToken cancellationToken)
    {
        if (options.Transport != MessageTransport.RabbitMq)
        {
            throw new InvalidOperationException("Error queues are replayable on RabbitMQ; the in-memory bus keeps nothing across restarts.");
        }
        var queues = consumers.Endpoints.Where(q => onlyQueue is null || q == onlyQueue).ToList();
        if (queues.Count == 0)
        {
            throw new InvalidOperationException($"This host has no receive endpoint named '{onlyQueue}'.");
        }

        var factory = new ConnectionFactory { Uri = new Uri(options.RabbitMqUri) };
        await using var connection = await factory.CreateConnectionAsync(cancellationToken);

        var total = 0;
        foreach (var queue in queues)
        {
            var errorQueue = queue + "_error";
            // A channel per queue: asking for an error queue that was never created (nothing has
            // failed there yet) closes the channel.
            await using var channel = await connection.CreateChannelAsync(
                new CreateChannelOptions(publisherConfirmationsEnabled: true, publisherConfirmationTrackingEnabled: true),
                cancellationToken);
            try
            {
                await channel.QueueDeclarePassiveAsync(errorQueue, cancellationToken);
            }
            catch (OperationInterruptedException ex) when (ex.ShutdownReason?.ReplyCode == 404)
            {
                continue;
            }
            var moved = 0;
            while (await channel.BasicGetAsync(errorQueue, autoAck: false, cancellationToken) is { } message)
            {
                var properties = new BasicProperties(message.BasicProperties);
                await channel.BasicPublishAsync("", queue, mandatory: true, properties, message.Body, cancellationToken);
                await channel.BasicAckAsync(message.DeliveryTag, multiple: false, cancellationToken);
                moved++;
            }
            LogReplayed(logger, moved, errorQueue, queue);
            total += moved;
        }
        return total;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Replayed {Count} message(s) from {ErrorQueue} to {Queue}")]
    private static partial void LogReplayed(ILogger logger, int count, string errorQueue, string queue);
}
