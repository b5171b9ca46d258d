namespace Marketplace.ServiceDefaults.Messaging;

/// <summary>Configuration section <c>Messaging</c>.</summary>
public sealed class MessagingOptions
{
    public const string Section = "Messaging";

    /// <summary><c>InMemory</c> (one process) or <c>RabbitMq</c>.</summary>
    public MessageTransport Transport { get; set; } = MessageTransport.InMemory;

    /// <summary>For RabbitMQ: <c>amqp://user:password@host:port/vhost</c>.</summary>
    public string RabbitMqUri { get; set; } = "amqp://guest:guest@localhost:5672/";

    /// <summary>Delays between immediate redeliveries before a message goes to its <c>_error</c> queue.</summary>
    public int[] RetryIntervalsMs { get; set; } = [200, 1000, 5000];

    /// <summary>
    /// For RabbitMQ: declare the service's queues as quorum queues (replicated across a cluster's
    /// nodes, k8s/overlays/production). Only for a fresh broker: RabbitMQ refuses to redeclare an
    /// existing classic queue with another type.
    /// </summary>
    public bool QuorumQueues { get; set; }
}

public enum MessageTransport
{
    InMemory,
    RabbitMq,
}
