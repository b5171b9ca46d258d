using System.Text.Json.Nodes;
using Marketplace.OpenData.Api;
using Marketplace.OpenData.Data;
using Marketplace.OpenData.Ocds;
using Microsoft.AspNetCore.Http;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Marketplace.Bench.OpenData;

/// <summary>What is timed: compiling every record, and the two bulk downloads run by their endpoint handlers into a counting sink.</summary>
public static class Phases
{
    private static readonly IServiceProvider s_services = new ServiceCollection().AddLogging(l => l.SetMinimumLevel(LogLevel.Warning)).BuildServiceProvider();

    /// <summary>Every record compiled (OCDS merge), one ocid at a time as the CSV download reads them; returns the records' JSON size.</summary>
    public static async Task<long> CompileAllAsync(OpenDataDbContext db)
    {
        long bytes = 0;
        var current = new List<JsonObject>();
        string? ocid = null;
        void Flush()
        {
            if (current.Count > 0)
            {
                bytes += OcdsPackages.Record(ocid!, [.. current]).ToJsonString().Length;
                current.Clear();
            }
        }
        await foreach (var row in db.Releases.AsNoTracking().OrderBy(r => r.Ocid).ThenBy(r => r.Sequence).Select(r => new { r.Ocid, r.Json }).AsAsyncEnumerable())
        {
            if (row.Ocid != ocid)
            {
                Flush();
                ocid = row.Ocid;
            }
            current.Add(JsonNode.Parse(row.Json)!.AsObject());
        }
        Flush();
        return bytes;
    }

    public static Task<long> JsonLinesAsync(OpenDataDbContext db) =>
        DownloadAsync(http => DownloadsApi.ReleasesAsync(new ReleaseFilter(null, null, null), http, db, CancellationToken.None).ContinueWith(t => (IResult)t.Result.Result));

    public static Task<long> ContractingCsvAsync(OpenDataDbContext db) =>
        DownloadAsync(http => DownloadsApi.ContractingAsync(new ReleaseFilter(null, null, null), http, db, CancellationToken.None).ContinueWith(t => (IResult)t.Result.Result));

    /// <summary>The handler's result written as the endpoint writes it, into a sink that only counts bytes (nothing kept).</summary>
    private static async Task<long> DownloadAsync(Func<HttpContext, Task<IResult>> handler)
    {
        var sink = new CountingStream();
        var http = new DefaultHttpContext { RequestServices = s_services };
        http.Response.Body = sink;
        var result = await handler(http);
        await result.ExecuteAsync(http);
        return sink.Length;
    }

    private sealed class CountingStream : Stream
    {
        private long _length;

        public override bool CanRead => false;
        public override bool CanSeek => false;
        public override bool CanWrite => true;
        public override long Length => _length;
        public override long Position { get => _length; set => throw new NotSupportedException(); }
        public override void Flush() { }
        public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();
        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
        public override void SetLength(long value) => throw new NotSupportedException();
        public override void Write(byte[] buffer, int offset, int count) => _length += count;
        public override void Write(ReadOnlySpan<byte> buffer) => _length += buffer.Length;
        public override ValueTask WriteAsync(ReadOnlyMemory<byte> buffer, CancellationToken cancellationToken = default)
        {
            _length += buffer.Length;
            return ValueTask.CompletedTask;
        }
        public override Task WriteAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken)
        {
            _length += count;
            return Task.CompletedTask;
        }
    }
}
