using System.Net;
using Marketplace.Testing;

namespace Marketplace.SystemTests;

/// <summary>A local OTLP/HTTP collector: accepts every export and keeps what it received.</summary>
public sealed class OtlpReceiver : IAsyncDisposable
{
    private readonly HttpListener _listener = new();
    private readonly List<(string Request, byte[] Body)> _received = [];
    private readonly Task _collecting;

    public OtlpReceiver()
    {
        var port = LoopbackPorts.Free();
        Endpoint = $"http://127.0.0.1:{port}";
        _listener.Prefixes.Add(Endpoint + "/");
        _listener.Start();
        _collecting = Task.Run(CollectAsync);
    }

    public string Endpoint { get; }

    /// <summary>"METHOD path content-type" of every export so far.</summary>
    public string[] Requests
    {
        get
        {
            lock (_received)
            {
                return [.. _received.Select(r => r.Request)];
            }
        }
    }

    /// <summary>Every span exported so far over OTLP/HTTP protobuf.</summary>
    public IReadOnlyList<OtlpSpan> Spans
    {
        get
        {
            lock (_received)
            {
                return [.. _received.Where(r => r.Request.StartsWith("POST /v1/traces ", StringComparison.Ordinal)).SelectMany(r => OtlpSpan.Read(r.Body))];
            }
        }
    }

    private async Task CollectAsync()
    {
        while (_listener.IsListening)
        {
            try
            {
                var context = await _listener.GetContextAsync();
                using var body = new MemoryStream();
                await context.Request.InputStream.CopyToAsync(body);
                lock (_received)
                {
                    _received.Add(($"{context.Request.HttpMethod} {context.Request.Url!.AbsolutePath} {context.Request.ContentType}", body.ToArray()));
                }
                context.Response.StatusCode = 200;
                context.Response.Close();
            }
            // The hosts keep exporting until they stop; an export cut off by stopping the receiver is dropped.
            catch (Exception ex) when (ex is HttpListenerException or ObjectDisposedException or IOException)
            {
                if (!_listener.IsListening)
                {
                    return;
                }
            }
        }
    }

    public async ValueTask DisposeAsync()
    {
        _listener.Stop();
        await _collecting;
        _listener.Close();
    }
}
