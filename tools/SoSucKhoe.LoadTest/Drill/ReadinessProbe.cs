using System.Diagnostics;
using Grpc.Core;
using Grpc.Health.V1;
using Grpc.Net.Client;

namespace SoSucKhoe.LoadTest.Drill;

/// <summary>
/// Tells when a hub node serves: its gRPC health service answers SERVING for <c>sosuckhoe.v1.Intake</c> (the default), or an http(s)
/// address (the hub's <c>/healthz/ready</c>, the one to use for a node that serves gRPC over TLS) answers 200. Each attempt opens a new connection, so no back-off of an earlier
/// failed connection delays the answer.
/// </summary>
public sealed class ReadinessProbe(Uri address, bool grpcHealth)
{
    /// <summary>The service name the gRPC health check asks about.</summary>
    public const string IntakeService = "sosuckhoe.v1.Intake";

    private static readonly TimeSpan Interval = TimeSpan.FromMilliseconds(100);
    private static readonly TimeSpan AttemptTimeout = TimeSpan.FromSeconds(2);

    /// <summary>The gRPC health check of <paramref name="grpcAddress"/> for the intake service.</summary>
    public static ReadinessProbe Grpc(Uri grpcAddress) => new(grpcAddress, grpcHealth: true);

    /// <summary>An HTTP GET that must answer 200.</summary>
    public static ReadinessProbe Http(Uri address) => new(address, grpcHealth: false);

    /// <summary>What is asked, for messages.</summary>
    public string Describe() => grpcHealth ? $"gRPC health of {IntakeService} at {address}" : $"GET {address}";

    /// <summary>Polls until ready (true) or <paramref name="timeout"/> passes, or <paramref name="stillRunning"/> turns false (false).</summary>
    public async Task<bool> WaitAsync(TimeSpan timeout, Func<bool> stillRunning, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(stillRunning);
        var deadline = Stopwatch.GetTimestamp() + (long)(timeout.TotalSeconds * Stopwatch.Frequency);
        while (Stopwatch.GetTimestamp() < deadline)
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (await IsReadyAsync(cancellationToken).ConfigureAwait(false))
            {
                return true;
            }

            if (!stillRunning())
            {
                return false;
            }

            await Task.Delay(Interval, cancellationToken).ConfigureAwait(false);
        }

        return false;
    }

    /// <summary>One attempt.</summary>
    public async Task<bool> IsReadyAsync(CancellationToken cancellationToken)
    {
        using var attempt = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        attempt.CancelAfter(AttemptTimeout);
        using var handler = new SocketsHttpHandler { UseProxy = false };
        try
        {
            if (grpcHealth)
            {
                using var channel = GrpcChannel.ForAddress(address, new GrpcChannelOptions { HttpHandler = handler, DisposeHttpClient = false });
                var answer = await new Health.HealthClient(channel)
                    .CheckAsync(new HealthCheckRequest { Service = IntakeService }, cancellationToken: attempt.Token).ConfigureAwait(false);
                return answer.Status == HealthCheckResponse.Types.ServingStatus.Serving;
            }

            using var http = new HttpClient(handler, disposeHandler: false);
            using var response = await http.GetAsync(address, attempt.Token).ConfigureAwait(false);
            return response.IsSuccessStatusCode;
        }
        catch (Exception exception) when (exception is RpcException or HttpRequestException or OperationCanceledException)
        {
            cancellationToken.ThrowIfCancellationRequested();
            return false;
        }
    }
}
