using System.Buffers;
using System.Buffers.Binary;
using System.Globalization;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace SoSucKhoe.Api.Errors;

/// <summary>
/// Refuses messages above the hub's size limit with one clear answer: RESOURCE_EXHAUSTED naming the limit on gRPC, 413 on plain
/// HTTP. Nothing above the limit is buffered, nothing is stored, and no error is logged.
/// </summary>
/// <remarks>
/// <para>Kestrel's request body limit (the server-wide <c>MaxRequestBodySize</c>) trips before gRPC can look at a message: a call
/// that declares its body's length refuses at the first read, and gRPC turned that exception into UNKNOWN ("Exception was thrown
/// by handler") with a stack trace in the log. So for gRPC requests the body limit is lifted and each message is judged by its
/// 5-byte frame header instead: the first one here, before gRPC reads anything (a trailers-only answer with grpc-status 8 and the
/// message's size), the others by gRPC's own check (<c>MaxReceiveMessageSize</c>, which also bounds a decompressed message),
/// whose generic text is replaced by one that names the limit. gRPC never buffers more than the limit of one message.</para>
/// <para>Plain HTTP keeps Kestrel's limit; a body declared longer is refused with 413 before anything reads it, and one that
/// turns out longer while an endpoint reads it gets the same 413 instead of Kestrel's exception.</para>
/// </remarks>
public static class MessageSizeLimits
{
    /// <summary>The text gRPC (Grpc.AspNetCore 2.85) sends with its own RESOURCE_EXHAUSTED for a message above its limit.</summary>
    public const string GrpcOwnMessage = "Received message exceeds the maximum configured message size.";

    /// <summary>Least time between two log lines about refused messages.</summary>
    public static readonly TimeSpan ReportInterval = TimeSpan.FromSeconds(10);

    /// <summary>Adds the size gate in front of every endpoint.</summary>
    /// <param name="app">The hub's application.</param>
    /// <param name="maxMessageBytes">The largest gRPC message accepted (the same value as gRPC's <c>MaxReceiveMessageSize</c>).</param>
    /// <param name="settingName">The setting the answers name, e.g. "Hub:MaxMessageBytes".</param>
    public static IApplicationBuilder UseMessageSizeLimits(this IApplicationBuilder app, int maxMessageBytes, string settingName)
    {
        ArgumentNullException.ThrowIfNull(app);
        var gate = new MessageSizeGate(maxMessageBytes, settingName,
            app.ApplicationServices.GetRequiredService<TimeProvider>(),
            app.ApplicationServices.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(MessageSizeLimits)));
        return app.Use(gate.InvokeAsync);
    }

    /// <summary>The answer to a message of <paramref name="size"/> bytes (null when only gRPC knows it was above the limit).</summary>
    public static string Describe(long? size, long limit, string settingName) => size is { } bytes
        ? string.Create(CultureInfo.InvariantCulture, $"The message is {bytes} bytes; the hub accepts at most {limit} bytes ({settingName}).")
        : string.Create(CultureInfo.InvariantCulture, $"The message is larger than the hub accepts: at most {limit} bytes ({settingName}), counted after decompression.");
}

internal sealed partial class MessageSizeGate(int maxMessageBytes, string settingName, TimeProvider time, ILogger logger)
{
    private const int FrameHeaderBytes = 5;
    private readonly object _reportLock = new();
    private long _refused;
    private long _nextReportAt = long.MinValue;

    public Task InvokeAsync(HttpContext context, RequestDelegate next) =>
        IsGrpc(context.Request) ? GrpcAsync(context, next) : HttpAsync(context, next);

    private static bool IsGrpc(HttpRequest request) =>
        HttpProtocol.IsHttp2(request.Protocol)
        && request.ContentType is { } type && type.StartsWith("application/grpc", StringComparison.OrdinalIgnoreCase);

    private async Task GrpcAsync(HttpContext context, RequestDelegate next)
    {
        // Each message is bounded by the checks below and gRPC's own, one message at a time; a body limit would refuse a declared
        // length before the frame header could be read.
        if (context.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } bodyLimit)
        {
            bodyLimit.MaxRequestBodySize = null;
        }

        var reader = context.Request.BodyReader;
        long? length;
        try
        {
            var read = await reader.ReadAtLeastAsync(FrameHeaderBytes, context.RequestAborted);
            length = MessageLength(read.Buffer);
            // Nothing consumed, nothing examined: gRPC reads the same bytes again.
            reader.AdvanceTo(read.Buffer.Start);
        }
        catch (Exception e) when (e is IOException or OperationCanceledException)
        {
            // The caller went away before a whole frame header came: there is no one to answer.
            return;
        }

        if (length > maxMessageBytes)
        {
            Refused(length, maxMessageBytes, context.Request.Path);
            var response = context.Response;
            response.StatusCode = StatusCodes.Status200OK;
            response.ContentType = "application/grpc";
            response.Headers["grpc-status"] = "8";
            // Printable ASCII without '%': the value needs no percent-encoding.
            response.Headers["grpc-message"] = MessageSizeLimits.Describe(length, maxMessageBytes, settingName);
            return;
        }

        await next(context);
        NameTheLimit(context);
    }

    /// <summary>Replaces the generic text of gRPC's own refusal (a later or decompressed message) with one naming the limit.</summary>
    private void NameTheLimit(HttpContext context)
    {
        var status = context.Response.HasStarted ? context.Features.Get<IHttpResponseTrailersFeature>()?.Trailers : context.Response.Headers;
        if (status is null || status.IsReadOnly || status["grpc-status"] != "8"
            || status["grpc-message"] != MessageSizeLimits.GrpcOwnMessage)
        {
            return;
        }

        status["grpc-message"] = MessageSizeLimits.Describe(null, maxMessageBytes, settingName);
        Refused(null, maxMessageBytes, context.Request.Path);
    }

    private async Task HttpAsync(HttpContext context, RequestDelegate next)
    {
        var limit = context.Features.Get<IHttpMaxRequestBodySizeFeature>()?.MaxRequestBodySize;
        if (limit is { } max && context.Request.ContentLength > max)
        {
            await RefuseHttpAsync(context, context.Request.ContentLength, max);
            return;
        }

        try
        {
            await next(context);
        }
        catch (BadHttpRequestException e) when (e.StatusCode == StatusCodes.Status413PayloadTooLarge && !context.Response.HasStarted
            && limit is { } bound)
        {
            await RefuseHttpAsync(context, null, bound);
        }
    }

    private async Task RefuseHttpAsync(HttpContext context, long? size, long limit)
    {
        Refused(size, limit, context.Request.Path);
        var response = context.Response;
        response.StatusCode = StatusCodes.Status413PayloadTooLarge;
        // The body was not read: closing the connection spares Kestrel from draining what it would refuse anyway.
        response.Headers.Connection = "close";
        response.ContentType = "text/plain; charset=utf-8";
        var text = size is { } bytes
            ? string.Create(CultureInfo.InvariantCulture, $"The request body is {bytes} bytes; the hub accepts at most {limit} bytes.\n")
            : string.Create(CultureInfo.InvariantCulture, $"The request body is larger than the hub accepts: at most {limit} bytes.\n");
        await response.WriteAsync(text);
    }

    private static long? MessageLength(ReadOnlySequence<byte> buffer)
    {
        if (buffer.Length < FrameHeaderBytes)
        {
            return null;
        }

        Span<byte> header = stackalloc byte[FrameHeaderBytes];
        buffer.Slice(0, FrameHeaderBytes).CopyTo(header);
        return BinaryPrimitives.ReadUInt32BigEndian(header[1..]);
    }

    /// <summary>Counts a refusal and logs at most one line per <see cref="MessageSizeLimits.ReportInterval"/>, with the count since the last.</summary>
    private void Refused(long? size, long limit, PathString path)
    {
        long count;
        lock (_reportLock)
        {
            _refused++;
            var now = time.GetTimestamp();
            if (now < _nextReportAt)
            {
                return;
            }

            _nextReportAt = now + (long)(MessageSizeLimits.ReportInterval.TotalSeconds * time.TimestampFrequency);
            count = _refused;
            _refused = 0;
        }

        LogRefused(logger, count, limit, settingName, size?.ToString(CultureInfo.InvariantCulture) ?? "more than the limit",
            path.Value ?? string.Empty);
    }

    [LoggerMessage(Level = LogLevel.Warning,
        Message = "Refused {Count} message(s) above the limit of {Limit} bytes (from {Setting}) since the last report; the last: {Size} bytes to {Path}")]
    private static partial void LogRefused(ILogger logger, long count, long limit, string setting, string size, string path);
}
