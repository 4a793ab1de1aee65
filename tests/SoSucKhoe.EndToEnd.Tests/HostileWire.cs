using System.Buffers.Binary;
using System.IO.Compression;
using System.Net;
using System.Net.Http.Headers;
using Google.Protobuf;
using Grpc.Core;

namespace SoSucKhoe.EndToEnd.Tests;

/// <summary>
/// A gRPC call framed by hand: the 5-byte message prefix (compressed flag, big-endian length) and the message bytes, sent over
/// HTTP/2 cleartext. Used for what the generated client cannot send (gzip bombs, lying length prefixes), and for large payloads,
/// which the generated client copies into pooled buffers of its own that a memory measurement would otherwise count.
/// </summary>
/// <param name="Method">"/sosuckhoe.v1.Intake/SubmitDossier" or "/sosuckhoe.v1.Intake/CheckIn".</param>
/// <param name="Frame">The request body: one or more length-prefixed messages, or anything else.</param>
/// <param name="Encoding">The grpc-encoding header, if any.</param>
/// <param name="DeclaresLength">Send a Content-Length header, as some HTTP/2 client libraries do (gRPC's own clients do not).</param>
public sealed record HostileWireRequest(string Method, byte[] Frame, string? Encoding = null, bool DeclaresLength = false)
{
    public const string SubmitDossier = "/sosuckhoe.v1.Intake/SubmitDossier";
    public const string CheckIn = "/sosuckhoe.v1.Intake/CheckIn";

    /// <summary>A frame holding <paramref name="message"/> uncompressed (written straight into the frame: one copy only).</summary>
    public static HostileWireRequest Of(string method, IMessage message)
    {
        var size = message.CalculateSize();
        var frame = new byte[5 + size];
        BinaryPrimitives.WriteInt32BigEndian(frame.AsSpan(1), size);
        message.WriteTo(frame.AsSpan(5));
        return new HostileWireRequest(method, frame);
    }

    /// <summary>A frame with the compressed flag set and <paramref name="compressed"/> as the message.</summary>
    public static HostileWireRequest Gzip(string method, byte[] compressed)
    {
        var frame = new byte[5 + compressed.Length];
        frame[0] = 1;
        BinaryPrimitives.WriteInt32BigEndian(frame.AsSpan(1), compressed.Length);
        compressed.CopyTo(frame, 5);
        return new HostileWireRequest(method, frame, "gzip");
    }

    /// <summary>
    /// The gzip stream of a SubmitDossierRequest whose document is <paramref name="documentBytes"/> zero bytes (a
    /// decompression bomb: about 1 KiB per MiB), or, when <paramref name="document"/> is given, of that document.
    /// </summary>
    public static byte[] GzipSubmitRequest(long documentBytes, byte[]? document = null)
    {
        using var output = new MemoryStream();
        using (var gzip = new GZipStream(output, CompressionLevel.Optimal, leaveOpen: true))
        {
            var length = document?.LongLength ?? documentBytes;
            var head = new byte[11];
            head[0] = 0x0A; // field 1 (document), length-delimited
            var at = 1;
            for (var v = (ulong)length; ; v >>= 7)
            {
                head[at++] = (byte)(v < 0x80 ? v : (v & 0x7F) | 0x80);
                if (v < 0x80)
                {
                    break;
                }
            }

            gzip.Write(head, 0, at);
            if (document is not null)
            {
                gzip.Write(document);
            }
            else
            {
                var zeros = new byte[1 << 20];
                for (long written = 0; written < length; written += zeros.Length)
                {
                    gzip.Write(zeros, 0, (int)Math.Min(zeros.Length, length - written));
                }
            }
        }

        return output.ToArray();
    }
}

/// <summary>Sends <see cref="HostileWireRequest"/>s and turns the gRPC status of the answer into an <see cref="RpcException"/>.</summary>
public static class HostileWire
{
    /// <summary>The refusal, or null when the hub answered OK.</summary>
    public static async Task<RpcException?> SendAsync(HttpClient http, Uri hub, string apiKey, HostileWireRequest request, CancellationToken cancellation)
    {
        using var message = new HttpRequestMessage(HttpMethod.Post, new Uri(hub, request.Method))
        {
            Version = HttpVersion.Version20,
            VersionPolicy = HttpVersionPolicy.RequestVersionExact,
            Content = request.DeclaresLength ? new ByteArrayContent(request.Frame) : new FrameContent(request.Frame),
        };
        message.Content.Headers.ContentType = new MediaTypeHeaderValue("application/grpc");
        message.Headers.TE.Add(new TransferCodingWithQualityHeaderValue("trailers"));
        message.Headers.Authorization = new AuthenticationHeaderValue("Bearer", apiKey);
        if (request.Encoding is not null)
        {
            message.Headers.Add("grpc-encoding", request.Encoding);
            message.Headers.Add("grpc-accept-encoding", "identity");
        }

        using var response = await http.SendAsync(message, cancellation);
        await response.Content.CopyToAsync(Stream.Null, cancellation);
        if (response.StatusCode != HttpStatusCode.OK)
        {
            return new RpcException(new Status(StatusCode.Unknown, $"HTTP {(int)response.StatusCode}"));
        }

        var status = Header(response, "grpc-status");
        if (status is null or "0")
        {
            return status is null ? new RpcException(new Status(StatusCode.Unknown, "no grpc-status")) : null;
        }

        var trailers = new Metadata();
        if (Header(response, "grpc-status-details-bin") is { } details)
        {
            trailers.Add("grpc-status-details-bin", Convert.FromBase64String(details.PadRight(details.Length + ((4 - (details.Length % 4)) % 4), '=')));
        }

        var detail = Uri.UnescapeDataString(Header(response, "grpc-message") ?? string.Empty);
        return new RpcException(new Status((StatusCode)int.Parse(status, System.Globalization.CultureInfo.InvariantCulture), detail), trailers);
    }

    /// <summary>The frame as a body of unknown length (no Content-Length header), as a gRPC client streams it.</summary>
    private sealed class FrameContent(byte[] frame) : HttpContent
    {
        protected override Task SerializeToStreamAsync(Stream stream, TransportContext? context) => stream.WriteAsync(frame).AsTask();

        protected override bool TryComputeLength(out long length)
        {
            length = 0;
            return false;
        }
    }

    private static string? Header(HttpResponseMessage response, string name) =>
        response.TrailingHeaders.TryGetValues(name, out var trailer) ? trailer.First()
        : response.Headers.TryGetValues(name, out var header) ? header.First()
        : null;
}
