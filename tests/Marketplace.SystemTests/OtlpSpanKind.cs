namespace Marketplace.SystemTests;

/// <summary>OTLP's Span.SpanKind.</summary>
public enum OtlpSpanKind
{
    Unspecified = 0,
    Internal = 1,
    Server = 2,
    Client = 3,
    Producer = 4,
    Consumer = 5,
}
