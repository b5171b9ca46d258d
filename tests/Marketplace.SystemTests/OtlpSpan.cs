using System.Text;

namespace Marketplace.SystemTests;

/// <summary>
/// A span as an OTLP ExportTraceServiceRequest carries it, read with just enough of the protobuf wire
/// format for the fields the tests look at (the OpenTelemetry.Proto types are not a package here).
/// </summary>
public sealed record OtlpSpan(
    string Service, string TraceId, string SpanId, string ParentSpanId, string Name, OtlpSpanKind Kind, IReadOnlyDictionary<string, string> Attributes)
{
    public static IEnumerable<OtlpSpan> Read(byte[] exportTraceServiceRequest)
    {
        var spans = new List<OtlpSpan>();
        // ExportTraceServiceRequest.resource_spans = 1
        foreach (var resourceSpans in Fields(exportTraceServiceRequest, 1))
        {
            // ResourceSpans.resource = 1 -> Resource.attributes = 1
            var service = ReadAttributes(Fields(resourceSpans, 1).SelectMany(resource => Fields(resource, 1))).GetValueOrDefault("service.name", "");
            // ResourceSpans.scope_spans = 2 -> ScopeSpans.spans = 2
            foreach (var span in Fields(resourceSpans, 2).SelectMany(scopeSpans => Fields(scopeSpans, 2)))
            {
                spans.Add(new OtlpSpan(
                    service,
                    Hex(Fields(span, 1).FirstOrDefault()),
                    Hex(Fields(span, 2).FirstOrDefault()),
                    Hex(Fields(span, 4).FirstOrDefault()),
                    Text(Fields(span, 5).FirstOrDefault()),
                    (OtlpSpanKind)Varints(span, 6).FirstOrDefault(),
                    ReadAttributes(Fields(span, 9))));
            }
        }
        return spans;
    }

    /// <summary>The string-valued ones of KeyValue {key = 1, value = 2 -> AnyValue.string_value = 1}.</summary>
    private static Dictionary<string, string> ReadAttributes(IEnumerable<byte[]> keyValues)
    {
        var attributes = new Dictionary<string, string>();
        foreach (var keyValue in keyValues)
        {
            if (Fields(keyValue, 2).SelectMany(value => Fields(value, 1)).FirstOrDefault() is { } text)
            {
                attributes[Text(Fields(keyValue, 1).FirstOrDefault())] = Text(text);
            }
        }
        return attributes;
    }

    private static string Hex(byte[]? bytes) => bytes is null ? "" : Convert.ToHexStringLower(bytes);

    private static string Text(byte[]? bytes) => bytes is null ? "" : Encoding.UTF8.GetString(bytes);

    /// <summary>The length-delimited values of one field number in a message.</summary>
    private static List<byte[]> Fields(byte[] message, int number) =>
        [.. Walk(message).Where(f => f.Number == number && f.Bytes is not null).Select(f => f.Bytes!)];

    private static IEnumerable<long> Varints(byte[] message, int number) =>
        Walk(message).Where(f => f.Number == number && f.Bytes is null).Select(f => f.Value);

    private static List<(int Number, byte[]? Bytes, long Value)> Walk(byte[] message)
    {
        var fields = new List<(int, byte[]?, long)>();
        var position = 0;
        while (position < message.Length)
        {
            var tag = ReadVarint(message, ref position);
            var number = (int)(tag >> 3);
            switch (tag & 7)
            {
                case 0:
                    fields.Add((number, null, ReadVarint(message, ref position)));
                    break;
                case 1:
                    position += 8;
                    break;
                case 2:
                    var length = (int)ReadVarint(message, ref position);
                    fields.Add((number, message[position..(position + length)], 0));
                    position += length;
                    break;
                case 5:
                    position += 4;
                    break;
                default:
                    throw new InvalidDataException($"Unexpected protobuf wire type {tag & 7} at byte {position}.");
            }
        }
        return fields;
    }

    private static long ReadVarint(byte[] message, ref int position)
    {
        long value = 0;
        for (var shift = 0; ; shift += 7)
        {
            var b = message[position++];
            value |= (long)(b & 0x7f) << shift;
            if ((b & 0x80) == 0)
            {
                return value;
            }
        }
    }
}
